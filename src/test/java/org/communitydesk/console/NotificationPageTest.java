package org.communitydesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.notification.NotificationService;
import org.communitydesk.support.LocalReceiver;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * ADMIN's notifications page through the real stack: the list with state, attempts and last error, filtered; the
 * retry button (CSRF like every console form, Post/Redirect/Get with a flash); the dashboard's warning; roles.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalReceiver.class, restrictToAnnotatedClass = true)
class NotificationPageTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    EntityManager em;

    @Inject
    NotificationService notifications;

    @Test
    void anAdminSeesAFailedMessageAndSendsItAgain() {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        body.put("reporter", Map.of("name", "页面测试居民", "phone", phone));
        body.put("notifyResident", true);
        String code = create(body).then().statusCode(201).extract().path("code");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("update notification set state = 'FAILED', attempts = 9, "
                    + "last_error = 'The SMS gateway answered 503' where ticket_code = ?1").setParameter(1, code)
                    .executeUpdate();
            return ((Number) em.createNativeQuery("select id from notification where ticket_code = ?1")
                    .setParameter(1, code).getSingleResult()).longValue();
        });

        WebSession admin = new WebSession("10.16." + ThreadLocalRandom.current().nextInt(250) + ".1");
        admin.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        String listed = page(admin, "/console/notifications?state=FAILED&ticket=" + code);
        assertThat(listed).contains(code, "发送失败", "The SMS gateway answered 503", "id=\"retry-" + id + "\"", "重新发送")
                .contains("已受理").doesNotContain("resident-logged")
                .contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone).doesNotContain("页面测试居民");
        assertThat(page(admin, "/console/notifications?lang=en&state=FAILED&ticket=" + code))
                .contains("Failed", "Send again", "Text message", ">Logged<");
        assertThat(page(admin, "/console/notifications?state=SENT&ticket=" + code)).doesNotContain("id=\"retry-");
        // Failing delivery shows on the dashboard, with the way to this page for an ADMIN.
        assertThat(notifications.health().failing()).isTrue();
        assertThat(page(admin, "/dashboard?lang=zh")).contains("delivery-warning", "/console/notifications?state=FAILED");

        // A form without its token (another site's) changes nothing.
        Map<String, String> fields = WebSession.hiddenFields(listed, "id=\"retry-" + id + "\"");
        assertThat(fields).containsKeys("_csrf", "state", "ticket");
        Map<String, String> forged = new HashMap<>(fields);
        forged.remove("_csrf");
        HttpResponse<String> refused = admin.postForm(base.resolve("/console/notifications/" + id + "/retry"), forged);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(page(admin, refused.headers().firstValue("Location").orElseThrow())).contains("表单已过期");
        assertThat(state(id)).isEqualTo("FAILED");

        HttpResponse<String> retried = admin.postForm(base.resolve("/console/notifications/" + id + "/retry"), fields);
        assertThat(retried.statusCode()).isEqualTo(303);
        String location = retried.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("state=FAILED").contains("ticket=" + code);
        assertThat(page(admin, location)).contains("已重新排队发送", "#" + id);
        assertThat(state(id)).isEqualTo("PENDING");

        // Twice: it is no longer FAILED.
        HttpResponse<String> again = admin.postForm(base.resolve("/console/notifications/" + id + "/retry"), fields);
        assertThat(page(admin, again.headers().firstValue("Location").orElseThrow())).contains("不能重新发送");
    }

    @Test
    void onlyAdminsSeeThePageAndABadFilterIsSaid() {
        WebSession admin = new WebSession("10.16." + ThreadLocalRandom.current().nextInt(250) + ".2");
        admin.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
        HttpResponse<String> bad = admin.get(base.resolve("/console/notifications?state=EXPLODED"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("无法按这些条件筛选", "EXPLODED");

        TestUsers.User staff = TestUsers.staff("note-page-staff", "beixinyuan");
        WebSession session = new WebSession("10.16." + ThreadLocalRandom.current().nextInt(250) + ".3");
        session.signIn(base, staff.username(), staff.password());
        assertThat(session.get(base.resolve("/console/notifications")).statusCode()).isEqualTo(403);
        assertThat(session.get(base.resolve("/console/tickets")).body()).doesNotContain("/console/notifications");
        HttpResponse<String> anonymous = new WebSession("10.16.0.4").get(base.resolve("/console/notifications"));
        assertThat(anonymous.statusCode()).isIn(302, 303);
    }

    private String page(WebSession session, String path) {
        HttpResponse<String> response = session.get(base.resolve(path));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String state(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select state from notification where id = ?1").setParameter(1, id).getSingleResult());
    }
}
