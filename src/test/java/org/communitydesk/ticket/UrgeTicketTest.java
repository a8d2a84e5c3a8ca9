package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.notification.Audience;
import org.communitydesk.notification.ChannelKind;
import org.communitydesk.notification.Notification;
import org.communitydesk.notification.NotificationTarget;
import org.communitydesk.support.AdminPage;
import org.communitydesk.support.SessionCookies;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Urging (督办) through the API and the ticket page: supervisors only, on a ticket at risk or overdue now; each
 * urging is a row for the lead organization, an INTERNAL event, and the organization's notice.
 */
@QuarkusTest
class UrgeTicketTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A sewer blockage at 宏安小区 dispatched to tongda-dredging, with the clock frozen at its report. */
    private Instant dispatched(String[] code) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.freezeAt(start);
        code[0] = createTicket();
        walk(code[0], "dispatch");
        return start;
    }

    private static io.restassured.response.Response urge(User user, String code, String note) {
        return user.request().contentType(ContentType.JSON).body(Map.of("note", note))
                .when().post("/api/tickets/{code}/urge", code);
    }

    @Test
    void aTicketNeitherAtRiskNorOverdueIsNotUrged() {
        String[] code = new String[1];
        dispatched(code);
        User supervisor = TestUsers.supervisor("urge-early", "yingbin");

        urge(supervisor, code[0], "请加快").then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("neither at risk nor overdue"))
                .body("allowedActions", not(hasItem("urge")));
        get(code[0]).then().body("urgingCount", equalTo(0)).body("latestUrging", equalTo(null));
    }

    @Test
    void anOverdueTicketIsUrgedWithARowAnEventAndTheOrganizationsNotice() {
        String[] code = new String[1];
        dispatched(code);
        String organization = "tongda-dredging";
        QuarkusTransaction.requiringNew().run(() -> new NotificationTarget(Audience.ORGANIZATION, organization,
                ChannelKind.WECOM, "http://127.0.0.1:9/urge-" + code[0], null, false).persist());
        int webhook = given().contentType(ContentType.JSON).body(Map.of("name", "urge-" + code[0],
                "url", "http://127.0.0.1:9/hook-" + code[0], "events", List.of("URGED"))).when()
                .post("/api/admin/webhooks").then().statusCode(201).extract().path("id");
        try {
            Instant dueAt = Instant.parse(get(code[0]).path("dueAt"));
            clock.freezeAt(dueAt.plusSeconds(60));
            User supervisor = TestUsers.supervisor("urge-late", "yingbin");
            get(code[0]).then().body("overdue", equalTo(true)).body("allowedActions", hasItem("urge"));
            long version = ((Number) get(code[0]).path("version")).longValue();

            urge(supervisor, code[0], "已超期，请今天下班前完成").then().statusCode(200)
                    .body("status", equalTo("DISPATCHED"))
                    .body("urgingCount", equalTo(1))
                    .body("latestUrging.organization.code", equalTo(organization))
                    .body("latestUrging.note", equalTo("已超期，请今天下班前完成"))
                    .body("latestUrging.urgedBy", equalTo(supervisor.username()))
                    .body("version", equalTo((int) version + 1));

            List<Map<String, Object>> urged = given().when().get("/api/tickets/{code}/events", code[0]).then()
                    .extract().path("findAll { it.type == 'URGED' }");
            assertThat(urged).hasSize(1);
            assertThat(urged.get(0)).containsEntry("visibility", "INTERNAL");
            assertThat((String) urged.get(0).get("note")).contains("通达管道专业清掏队").contains("已超期，请今天下班前完成");
            assertThat(given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", code[0]).then()
                    .extract().<String>path("find { it.type == 'URGED' }.note")).contains("was urged");
            long rows = QuarkusTransaction.requiringNew().call(() -> TicketUrging.count(
                    "ticket.code = ?1 and organization.code = ?2", code[0], organization));
            assertThat(rows).isEqualTo(1);
            // One notice to this test's robot (other tests may have registered more robots for the organization).
            assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count(
                    "ticketCode = ?1 and kind = ?2 and recipient = ?3", code[0], "organization-urged",
                    "http://127.0.0.1:9/urge-" + code[0]))).isEqualTo(1);
            assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                    "ticketCode = ?1 and kind = ?2", code[0], "organization-urged"))).allSatisfy(n ->
                            assertThat(n.body).contains("督办").contains(code[0]).doesNotContain("已超期，请今天下班前完成"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count(
                    "ticketCode = ?1 and kind = ?2 and recipient = ?3", code[0], "webhook-URGED",
                    "http://127.0.0.1:9/hook-" + code[0]))).isEqualTo(1);
            // The queue shows how often it was urged.
            given().queryParam("q", code[0]).when().get("/api/tickets").then().statusCode(200)
                    .body("items[0].urgingCount", equalTo(1));
            String queue = given().auth().none().cookies(SessionCookies.signInCookies(supervisor.username(),
                    TestUsers.PASSWORD)).queryParam("q", code[0]).queryParam("lang", "zh").when().get("/console/tickets")
                    .then().statusCode(200).extract().asString();
            assertThat(queue).contains("badge urged").contains("督办 1");

            // A second urging is another row.
            urge(supervisor, code[0], "再次督办").then().statusCode(200).body("urgingCount", equalTo(2));
        } finally {
            given().when().delete("/api/admin/webhooks/{id}", webhook);
        }
    }

    @Test
    void onlySupervisorsAndAdministratorsUrge() {
        String[] code = new String[1];
        dispatched(code);
        clock.freezeAt(Instant.parse(get(code[0]).path("dueAt")).plusSeconds(60));

        urge(TestUsers.contractor("urge-crew", "tongda-dredging"), code[0], "自己督办自己").then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        urge(TestUsers.staff("urge-staff", "beixinyuan"), code[0], "社区督办").then().statusCode(403);
        urge(TestUsers.supervisor("urge-elsewhere", "xihuayuan"), code[0], "别的街道").then().statusCode(404);
        TestUsers.supervisor("urge-blank", "yingbin").request().contentType(ContentType.JSON).body(Map.of("note", " "))
                .when().post("/api/tickets/{code}/urge", code[0]).then().statusCode(400)
                .body("violations.field", hasItem(endsWith("note")));
        get(code[0]).then().body("urgingCount", equalTo(0));
    }

    @Test
    void aStaleVersionIsRefused() {
        String[] code = new String[1];
        dispatched(code);
        clock.freezeAt(Instant.parse(get(code[0]).path("dueAt")).plusSeconds(60));
        long version = ((Number) get(code[0]).path("version")).longValue();

        TestUsers.supervisor("urge-stale", "yingbin").request().contentType(ContentType.JSON)
                .header("If-Match", "\"" + (version - 1) + "\"").body(Map.of("note", "请加快"))
                .when().post("/api/tickets/{code}/urge", code[0]).then().statusCode(412)
                .body("type", endsWith(":stale-version"));
        get(code[0]).then().body("urgingCount", equalTo(0));
    }

    @Test
    void theTicketPageOffersTheUrgeFormWhenTheTicketIsOverdue() {
        String[] code = new String[1];
        dispatched(code);
        AdminPage zh = AdminPage.as("zh");
        assertThat(zh.get("/console/tickets/" + code[0])).doesNotContain("id=\"urge-form\"").contains("id=\"pause-form\"");

        clock.freezeAt(Instant.parse(get(code[0]).path("dueAt")).plusSeconds(60));
        AdminPage en = AdminPage.as("en");
        String page = en.get("/console/tickets/" + code[0]);
        assertThat(page).contains("id=\"urge-form\"").contains("Note to the organization").doesNotContain("NOT_FOUND");

        String done = zh.follow(zh.post(code[0], "urge", Map.of("version", get(code[0]).path("version").toString(),
                "seen", "0", "note", "请今天完成")));
        assertThat(done).contains("已督办。").contains("id=\"urged-badge\"").contains("督办 1").contains("最近一次督办")
                .doesNotContain("NOT_FOUND");
        get(code[0]).then().body("urgingCount", equalTo(1));
        // A blank note is refused on the page and nothing is recorded.
        String refused = zh.follow(zh.post(code[0], "urge", Map.of("version", get(code[0]).path("version").toString(),
                "seen", "0", "note", " ")));
        assertThat(refused).contains("class=\"notice error\"");
        get(code[0]).then().body("urgingCount", equalTo(1));
    }

    private static long notices(String code, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.count("ticketCode = ?1 and kind = ?2", code, kind));
    }
}
