package org.communitydesk.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.support.LocalMailServer;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * E-mail through Quarkus Mailer to GreenMail, a real SMTP server: contractors hear of a dispatch to their
 * organization and of its overdue; supervisors of overdue tickets in their street office and of a resident who says
 * it is not resolved. Only users with an address (set by an ADMIN) get mail; the caller is never in it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalMailServer.class, restrictToAnnotatedClass = true)
class EmailNotificationTest {

    @Inject
    NotificationJobs jobs;

    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void contractorsAndSupervisorsGetWhatConcernsThem() throws Exception {
        GreenMail mail = LocalMailServer.current();
        String crew = emailOf(TestUsers.contractor("mail-crew", "tongda-dredging").username());
        String supervisor = emailOf(TestUsers.supervisor("mail-sup", "yingbin").username());
        String otherCrew = emailOf(TestUsers.contractor("mail-other", "datong-sewage").username());
        TestUsers.User silent = TestUsers.contractor("mail-silent", "tongda-dredging");

        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        body.put("reporter", Map.of("name", "邮件测试居民", "phone", phone));
        var created = create(body).then().statusCode(201).extract();
        String code = created.path("code");
        String accessCode = created.path("accessCode");
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        jobs.deliver();

        List<MimeMessage> toCrew = to(mail, crew, code);
        assertThat(toCrew).hasSize(1);
        MimeMessage dispatched = toCrew.get(0);
        assertThat(dispatched.getSubject()).contains(code).contains("派单");
        assertThat(dispatched.getFrom()[0].toString()).isEqualTo(LocalMailServer.FROM);
        assertThat(dispatched.getHeader("X-Idempotency-Key")).isNotEmpty();
        assertThat(text(dispatched)).contains("/console/tickets/" + code)
                .doesNotContain(phone).doesNotContain("邮件测试居民");
        assertThat(to(mail, otherCrew, code)).as("not dispatched to datong-sewage").isEmpty();
        assertThat(to(mail, supervisor, code)).isEmpty();

        String dueAt = given().when().get("/api/tickets/{code}", code).then().extract().path("dueAt");
        clock.freezeAt(Instant.parse(dueAt).plusSeconds(60));
        assertThat(jobs.overdue()).isPresent();
        assertThat(jobs.overdue()).isPresent();
        deliverAllDue();
        assertThat(to(mail, crew, code)).hasSize(2).last()
                .satisfies(m -> assertThat(m.getSubject()).contains("超期"));
        assertThat(to(mail, supervisor, code)).hasSize(1)
                .allSatisfy(m -> assertThat(text(m)).contains("超期").doesNotContain(phone));

        clock.reset();
        walk(code, "start", "resolve");
        given().auth().none().header("X-Forwarded-For", "10.15." + ThreadLocalRandom.current().nextInt(250) + ".9")
                .header("X-Access-Code", accessCode).contentType(ContentType.JSON)
                .body(Map.of("rating", 1, "resolved", false))
                .when().post("/api/public/tickets/{code}/feedback", code).then().statusCode(200);
        deliverAllDue();
        assertThat(to(mail, supervisor, code)).hasSize(2).last()
                .satisfies(m -> assertThat(m.getSubject()).contains("未解决"));
        assertThat(Arrays.stream(mail.getReceivedMessages())).noneSatisfy(m -> assertThat(recipients(m))
                .contains(silent.username()));
    }

    @Test
    void anAdminSetsAndRemovesAnAddressAndBadOnesAreProblems() {
        String user = TestUsers.supervisor("mail-admin", "yingbin").username();
        given().contentType(ContentType.JSON).body(Map.of("email", "not an address"))
                .when().put("/api/users/{u}/email", user).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", user + "@example.test"))
                .when().put("/api/users/{u}/email", user).then().statusCode(200).body("email", equalTo(user + "@example.test"));
        given().contentType(ContentType.JSON).body("{}")
                .when().put("/api/users/{u}/email", user).then().statusCode(200).body("email", equalTo(null));
        given().contentType(ContentType.JSON).body(Map.of("email", "a@example.test"))
                .when().put("/api/users/{u}/email", "nobody-here").then().statusCode(404);
        TestUsers.staff("mail-staff", "beixinyuan").request().contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.test")).when().put("/api/users/{u}/email", user).then().statusCode(403);
    }

    private static String emailOf(String username) {
        String address = username + "@example.test";
        given().contentType(ContentType.JSON).body(Map.of("email", address))
                .when().put("/api/users/{u}/email", username).then().statusCode(200);
        return address;
    }

    private static List<MimeMessage> to(GreenMail mail, String address, String code) throws Exception {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address))
                .filter(m -> text(m).contains(code)).toList();
    }

    /** The decoded text (the raw body is quoted-printable). */
    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every due message: with the clock moved past a deadline, what other test classes left pending in the shared
     * database (H2) is due too, and one run of the job sends one batch of them; failed ones wait for their retry.
     */
    /**
     * Delivers until runs send nothing more: the shared test database's outbox may hold many messages of other tests
     * that are due at the moved clock (robots at unreachable addresses among them), ahead of this test's.
     */
    private void deliverAllDue() {
        // At least 20 runs (a run of messages that all failed sends nothing), then on while runs still send.
        for (int run = 0; run < 500; run++) {
            if (jobs.deliver() == 0 && run >= 20) {
                return;
            }
        }
    }
}
