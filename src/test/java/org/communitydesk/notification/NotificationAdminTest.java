package org.communitydesk.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.intake;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.communitydesk.support.LocalReceiver;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ADMIN's list of notifications (masked, filtered), the retry of failed ones, the robots' registry and the metrics. */
@QuarkusTest
@QuarkusTestResource(value = LocalReceiver.class, restrictToAnnotatedClass = true)
class NotificationAdminTest {

    @Inject
    NotificationJobs jobs;

    @Inject
    TestClock clock;

    private final LocalReceiver receiver = LocalReceiver.current();

    @AfterEach
    void reset() {
        clock.reset();
        receiver.answerOk("/sms");
        jobs.deliver();
    }

    @Test
    void aFailedMessageIsListedWithItsErrorAndGoesOutAfterARetry() {
        receiver.answer("/sms", 500);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = new HashMap<>(intake("sewer-blockage", "beixinyuan", "hongan"));
        body.put("reporter", Map.of("name", "测试居民", "phone", phone));
        body.put("notifyResident", true);
        var created = create(body).then().statusCode(201).extract();
        String code = created.path("code");
        String accessCode = created.path("accessCode");

        // A day of failures.
        for (int hour = 0; hour <= 25; hour++) {
            clock.advance(java.time.Duration.ofMinutes(hour == 0 ? 0 : 60));
            jobs.deliver();
        }
        var listed = given().queryParam("ticket", code).queryParam("state", "FAILED").when().get("/api/admin/notifications")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].recipient", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("items[0].lastError", startsWith("The SMS gateway"))
                .body("items[0].audience", equalTo("RESIDENT")).extract();
        String listing = listed.asString();
        assertThat(listing).doesNotContain(phone).doesNotContain("测试居民").doesNotContain(accessCode)
                .contains("[access-code]");
        int id = listed.path("items[0].id");
        int attempts = listed.path("items[0].attempts");
        assertThat(attempts).isGreaterThan(3);

        String metrics = given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("communitydesk_notifications_failed_total", "communitydesk_notifications_queued",
                "communitydesk_notifications_given_up",
                "communitydesk_notifications_oldest_unsent_age_seconds");

        given().contentType(ContentType.JSON).when().post("/api/admin/notifications/{id}/retry", 999_999_999).then().statusCode(404)
                .contentType("application/problem+json");
        receiver.answerOk("/sms");
        given().contentType(ContentType.JSON).when().post("/api/admin/notifications/{id}/retry", id).then().statusCode(200)
                .body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        given().contentType(ContentType.JSON).when().post("/api/admin/notifications/{id}/retry", id).then().statusCode(409)
                .contentType("application/problem+json");
        jobs.deliver();
        given().queryParam("ticket", code).when().get("/api/admin/notifications").then().statusCode(200)
                .body("items[0].state", equalTo("SENT"));
        given().queryParam("state", "LOST").when().get("/api/admin/notifications").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void robotsAreRegisteredByAdminsWithHttpUrlsOnly() {
        String url = receiver.url("/wecom-admin?key=secret-robot-token");
        int id = given().contentType(ContentType.JSON)
                .body(Map.of("audience", "ORGANIZATION", "ownerCode", "tongda-dredging", "channel", "WECOM", "address", url))
                .when().post("/api/admin/notification-targets").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/admin/notification-targets/"))
                .body("address", equalTo(url.substring(0, url.indexOf("/wecom")))).extract().path("id");
        assertThat(given().when().get("/api/admin/notification-targets").then().statusCode(200).extract().asString())
                .doesNotContain("secret-robot-token");

        for (String bad : List.of("ftp://example.cn/robot", "file:///etc/passwd", "javascript:alert(1)")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("audience", "ORGANIZATION", "ownerCode", "tongda-dredging", "channel", "WECOM", "address", bad))
                    .when().post("/api/admin/notification-targets").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("audience", "SUPERVISOR", "ownerCode", "beixinyuan", "channel", "WECOM", "address", url))
                .when().post("/api/admin/notification-targets").then().statusCode(400);

        var staff = TestUsers.staff("notify-staff", "beixinyuan");
        staff.request().when().get("/api/admin/notifications").then().statusCode(403);
        staff.request().when().get("/api/admin/notification-targets").then().statusCode(403);
        given().auth().none().when().get("/api/admin/notifications").then().statusCode(401);

        given().contentType(ContentType.JSON).when().delete("/api/admin/notification-targets/{id}", id).then().statusCode(204);
        given().contentType(ContentType.JSON).when().delete("/api/admin/notification-targets/{id}", id).then().statusCode(404);
    }
}
