package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.notification.Audience;
import org.communitydesk.notification.ChannelKind;
import org.communitydesk.notification.Notification;
import org.communitydesk.notification.NotificationTarget;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Returning an order (退单) through the API: the lead's crew sends a street light sent to the wrong agency back to the
 * street office, which dispatches it again or cancels it; residents and Open311 see a ticket that is still received.
 */
@QuarkusTest
class ReturnTicketTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String COMMENT = "路灯维修不属于环卫中心职责，请派路灯管理部门。";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A street light in 迎宾路社区, reported; its code and the resident's access code. */
    private record Issued(String code, String accessCode) {
    }

    private static Issued streetLight() {
        Response created = create(intake("street-light", "yingbinlu", null));
        created.then().statusCode(201);
        return new Issued(created.path("code"), created.path("accessCode"));
    }

    /** The street light dispatched to the sanitation centre (the wrong agency), the sewage office supporting. */
    private static Issued sentToTheSanitationCentre() {
        Issued ticket = streetLight();
        move(ticket.code(), "dispatch", dispatchBody("pingcheng-sanitation", "datong-sewage")).then().statusCode(200);
        return ticket;
    }

    private static Response returnAs(User user, String code, Object body, String ifMatch) {
        var request = user.request().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/tickets/{code}/return", code);
    }

    private static Map<String, Object> body(String reason) {
        return Map.of("reason", reason, "comment", COMMENT);
    }

    @Test
    void theLeadsCrewReturnsTheOrderToTheDispatchersQueue() {
        Instant dispatched = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(dispatched);
        Issued ticket = sentToTheSanitationCentre();
        Long target = QuarkusTransaction.requiringNew().call(() -> {
            NotificationTarget robot = new NotificationTarget(Audience.SUPERVISOR, "yingbin", ChannelKind.WECOM,
                    "http://127.0.0.1:9/returned-" + ticket.code(), null, false);
            robot.persist();
            return robot.id;
        });
        Number hook = given().contentType(ContentType.JSON).body(Map.of("name", "returns-" + ticket.code(),
                "url", "http://127.0.0.1:9/hook-" + ticket.code(), "events", List.of("RETURNED")))
                .when().post("/api/admin/webhooks").then().statusCode(201).extract().path("id");
        User crew = TestUsers.contractor("return-lead", "pingcheng-sanitation");
        Response read = crew.request().when().get("/api/tickets/{code}", ticket.code());
        read.then().statusCode(200).body("allowedActions", hasItem("return")).body("returned", equalTo(false));
        clock.freezeAt(dispatched.plusSeconds(1800));

        returnAs(crew, ticket.code(), body("NOT_OUR_JURISDICTION"), read.header("ETag")).then().statusCode(200)
                .body("status", equalTo("REPORTED"))
                .body("returned", equalTo(true))
                .body("leadOrganization", nullValue())
                .body("assignments.size()", equalTo(0))
                .body("lastReturn.organization.code", equalTo("pingcheng-sanitation"))
                .body("lastReturn.reason", equalTo("NOT_OUR_JURISDICTION"))
                .body("lastReturn.comment", equalTo(COMMENT))
                .body("lastReturn.returnedBy", equalTo(crew.username()))
                .body("lastReturn.returnedAt", equalTo(dispatched.plusSeconds(1800).toString()));

        // The order is no longer the centre's: it sees it no more. The office sees it waiting, to dispatch or cancel.
        crew.request().when().get("/api/tickets/{code}", ticket.code()).then().statusCode(404);
        get(ticket.code()).then().statusCode(200).body("allowedActions", equalTo(List.of("cancel", "dispatch", "pause")))
                .body("dueAt", equalTo(read.path("dueAt")));

        JsonPath zh = given().header("Accept-Language", "zh").when().get("/api/tickets/{code}/events", ticket.code())
                .then().statusCode(200).extract().jsonPath();
        assertThat(zh.getString("[-1].type")).isEqualTo("RETURNED");
        assertThat(zh.getString("[-1].visibility")).isEqualTo("INTERNAL");
        assertThat(zh.getString("[-1].fromStatus")).isEqualTo("DISPATCHED");
        assertThat(zh.getString("[-1].toStatus")).isEqualTo("REPORTED");
        assertThat(zh.getString("[-1].note")).startsWith("平城区环卫服务中心退单：非本单位职责").contains(COMMENT);
        String en = given().header("Accept-Language", "en").when().get("/api/tickets/{code}/events", ticket.code())
                .then().extract().path("[-1].note");
        assertThat(en).startsWith("Pingcheng Sanitation Service Centre returned the order: not our jurisdiction");

        QuarkusTransaction.requiringNew().run(() -> {
            List<TicketReturn> rows = TicketReturn.list("ticket.code", ticket.code());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).organization.code).isEqualTo("pingcheng-sanitation");
            assertThat(rows.get(0).reason).isEqualTo(ReturnReason.NOT_OUR_JURISDICTION);
            assertThat(rows.get(0).comment).isEqualTo(COMMENT);
            assertThat(rows.get(0).returnedBy).isEqualTo(crew.username());
            // The supervisors of 迎宾街道 hear of it; the webhook gets the event without the staff's comment.
            // Counted at this test's own robot: other tests leave street-office targets of their own.
            List<Notification> told = Notification.list("ticketCode = ?1 and kind = ?2 and recipient = ?3", ticket.code(),
                    "supervisor-returned", "http://127.0.0.1:9/returned-" + ticket.code());
            assertThat(told).hasSize(1);
            assertThat(told.get(0).body).contains(ticket.code(), "平城区环卫服务中心", "非本单位职责");
            List<Notification> hooked = Notification.list("ticketCode = ?1 and kind = ?2", ticket.code(),
                    "webhook-RETURNED");
            assertThat(hooked).hasSize(1);
            assertThat(hooked.get(0).body).contains("\"event\":\"RETURNED\"", "\"status\":\"REPORTED\"")
                    .doesNotContain(COMMENT);
        });
        given().contentType(ContentType.JSON).when().delete("/api/admin/webhooks/{id}", hook).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> NotificationTarget.deleteById(target));

        // The list and its filters: returned=true finds it, needsMe=true for the office as well.
        given().queryParam("returned", "true").queryParam("size", 200).when().get("/api/tickets").then()
                .statusCode(200).body("items.code", hasItem(ticket.code()))
                .body("items.find { it.code == '" + ticket.code() + "' }.returned.reason", equalTo("NOT_OUR_JURISDICTION"))
                .body("items.find { it.code == '" + ticket.code() + "' }.returned.organization.code",
                        equalTo("pingcheng-sanitation"));
        given().queryParam("returned", "false").queryParam("community", "yingbinlu").queryParam("size", 200)
                .when().get("/api/tickets").then().statusCode(200).body("items.code", not(hasItem(ticket.code())));
    }

    @Test
    void aSupportingOrganizationOrAnOfficeMayNotReturnTheOrder() {
        Issued ticket = sentToTheSanitationCentre();
        long version = get(ticket.code()).jsonPath().getLong("version");
        User supporting = TestUsers.contractor("return-support", "datong-sewage");
        supporting.request().when().get("/api/tickets/{code}", ticket.code()).then().statusCode(200)
                .body("allowedActions", not(hasItem("return")));

        returnAs(supporting, ticket.code(), body("NOT_OUR_JURISDICTION"), null).then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("detail", containsString("leads the work"));
        User staff = TestUsers.staff("return-staff", "yingbinlu");
        returnAs(staff, ticket.code(), body("NOT_OUR_JURISDICTION"), null).then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        get(ticket.code()).then().body("version", equalTo((int) version)).body("status", equalTo("DISPATCHED"));
    }

    @Test
    void afterTheWorkStartedTheReturnIsAnIllegalMove() {
        Issued ticket = sentToTheSanitationCentre();
        User crew = TestUsers.contractor("return-started", "pingcheng-sanitation");
        crew.request().contentType(ContentType.JSON).body(Map.of()).when()
                .post("/api/tickets/{code}/start", ticket.code()).then().statusCode(200);

        returnAs(crew, ticket.code(), body("WRONG_ADDRESS"), null).then().statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("attempted", equalTo("return"))
                .body("currentStatus", equalTo("IN_PROGRESS"))
                .body("allowedActions", hasItem("resolve"))
                .body("allowedActions", not(hasItem("return")));

        // Reopened, it is DISPATCHED again, but its work was started once: the row's condition refuses it.
        Issued reopened = streetLight();
        walk(reopened.code(), "dispatch", "start", "resolve", "reopen");
        move(reopened.code(), "return", body("WRONG_ADDRESS")).then().statusCode(409)
                .body("type", endsWith(":illegal-transition"))
                .body("currentStatus", equalTo("DISPATCHED"))
                .body("detail", containsString("started already"))
                .body("allowedActions", not(hasItem("return")));
        get(reopened.code()).then().body("allowedActions", not(hasItem("return")));
    }

    @Test
    void aStaleVersionIsRefusedAndABadReasonIsABadRequest() {
        Issued ticket = sentToTheSanitationCentre();
        User crew = TestUsers.contractor("return-stale", "pingcheng-sanitation");

        returnAs(crew, ticket.code(), body("DUPLICATE"), "\"0\"").then().statusCode(412)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        returnAs(crew, ticket.code(), Map.of("reason", "TOO_FAR", "comment", COMMENT), null).then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        returnAs(crew, ticket.code(), Map.of("comment", COMMENT), null).then().statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON)).body("violations.field", hasItem(containsString("reason")));
        returnAs(crew, ticket.code(), Map.of("reason", "DUPLICATE", "comment", " "), null).then().statusCode(400)
                .body("violations.field", hasItem(containsString("comment")));
        returnAs(crew, ticket.code(), Map.of("reason", "DUPLICATE", "comment", "长".repeat(2001)), null).then()
                .statusCode(400).body("violations.field", hasItem(containsString("comment")));
        get(ticket.code()).then().body("status", equalTo("DISPATCHED")).body("returned", equalTo(false));
    }

    @Test
    void theOfficeDispatchesItAgainToAnotherOrganizationAndTheFirstDispatchStaysTheResponse() {
        Instant dispatched = Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(dispatched);
        Issued ticket = sentToTheSanitationCentre();
        JsonPath first = get(ticket.code()).jsonPath();
        clock.freezeAt(dispatched.plusSeconds(600));
        // The administrator records the return for the lead (told by phone).
        move(ticket.code(), "return", body("NEEDS_ANOTHER_AGENCY")).then().statusCode(200)
                .body("lastReturn.organization.code", equalTo("pingcheng-sanitation"));
        clock.freezeAt(dispatched.plusSeconds(1200));

        move(ticket.code(), "dispatch", dispatchBody("yingbin-enforcement")).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("returned", equalTo(false))
                .body("lastReturn", nullValue())
                .body("leadOrganization.code", equalTo("yingbin-enforcement"))
                .body("dispatchedAt", equalTo(first.getString("dispatchedAt")))
                .body("secondsToDispatch", equalTo(first.getInt("secondsToDispatch")))
                .body("assignments.organization.code", equalTo(List.of("yingbin-enforcement")));
        given().when().get("/api/tickets/{code}/events", ticket.code()).then()
                .body("findAll { it.type == 'DISPATCHED' }.size()", equalTo(2))
                .body("[-1].type", equalTo("DISPATCHED"));
        TestUsers.contractor("return-gone", "pingcheng-sanitation").request().when()
                .get("/api/tickets/{code}", ticket.code()).then().statusCode(404);
        User newLead = TestUsers.contractor("return-new", "yingbin-enforcement");
        newLead.request().when().get("/api/tickets/{code}", ticket.code()).then().statusCode(200)
                .body("allowedActions", hasItem("return"));
        QuarkusTransaction.requiringNew().run(() -> assertThat(TicketReturn.count("ticket.code", ticket.code()))
                .isEqualTo(1));
    }

    @Test
    void theOrganizationThatReturnedHearsWhenTheNewLeadAcceptsIt() {
        Issued ticket = sentToTheSanitationCentre();
        // This test's own robots, for the centre that returns and the team that then leads.
        String centre = "http://127.0.0.1:9/centre-" + ticket.code();
        String team = "http://127.0.0.1:9/team-" + ticket.code();
        List<Long> robots = QuarkusTransaction.requiringNew().call(() -> {
            NotificationTarget returning = new NotificationTarget(Audience.ORGANIZATION, "pingcheng-sanitation",
                    ChannelKind.WECOM, centre, null, false);
            NotificationTarget leading = new NotificationTarget(Audience.ORGANIZATION, "yingbin-enforcement",
                    ChannelKind.DINGTALK, team, null, false);
            returning.persist();
            leading.persist();
            return List.of(returning.id, leading.id);
        });
        try {
            move(ticket.code(), "return", body("NEEDS_ANOTHER_AGENCY")).then().statusCode(200);
            move(ticket.code(), "dispatch", dispatchBody("yingbin-enforcement", "pingcheng-sanitation")).then()
                    .statusCode(200);
            // Dispatched again, with the centre supporting: nobody is told yet that the order is taken on.
            assertThat(told(ticket.code(), centre)).isEmpty();

            // The centre accepts its supporting part: still nothing, the order is not yet taken on by its lead.
            TestUsers.contractor("return-support", "pingcheng-sanitation").request().contentType(ContentType.JSON)
                    .body(Map.of()).when().post("/api/tickets/{code}/accept", ticket.code()).then().statusCode(200);
            assertThat(told(ticket.code(), centre)).isEmpty();

            TestUsers.contractor("return-accepts", "yingbin-enforcement").request().contentType(ContentType.JSON)
                    .body(Map.of()).when().post("/api/tickets/{code}/accept", ticket.code()).then().statusCode(200);
            List<Notification> centreTold = told(ticket.code(), centre);
            assertThat(centreTold).hasSize(1);
            assertThat(centreTold.get(0).body).contains(ticket.code(), "迎宾街道综合行政执法队", "退回", "无需再处理");
            // The new lead is not told of its own acceptance.
            assertThat(told(ticket.code(), team)).isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> robots.forEach(id -> NotificationTarget.deleteById(id)));
        }
    }

    private static List<Notification> told(String code, String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.list("ticketCode = ?1 and kind = ?2 and recipient = ?3",
                code, "organization-returned-accepted-elsewhere", recipient));
    }

    @Test
    void theOfficeMayCancelAReturnedTicket() {
        Issued ticket = sentToTheSanitationCentre();
        move(ticket.code(), "return", body("DUPLICATE")).then().statusCode(200);

        move(ticket.code(), "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("returned", equalTo(false));
        given().queryParam("returned", "true").queryParam("size", 200).when().get("/api/tickets").then()
                .body("items.code", not(hasItem(ticket.code())));
    }

    @Test
    void residentsAndOpen311SeeAReceivedTicketAndNoneOfTheReturn() {
        Issued ticket = sentToTheSanitationCentre();
        move(ticket.code(), "return", body("NOT_OUR_JURISDICTION")).then().statusCode(200);

        Response open311 = given().auth().none().when()
                .get("/open311/v2/requests/{code}.json?extensions=true", ticket.code());
        open311.then().statusCode(200).body("[0].status", equalTo("open"));
        assertThat(open311.asString()).doesNotContain(COMMENT, "退单", "returned", "RETURNED");

        var resident = given().auth().none().header("X-Forwarded-For", "10.8.3." + (int) (Math.random() * 250))
                .header("X-Access-Code", ticket.accessCode());
        Response status = resident.when().get("/api/public/tickets/{code}", ticket.code());
        status.then().statusCode(200).body("status", equalTo("REPORTED"));
        assertThat(status.asString()).doesNotContain(COMMENT, "退单", "RETURNED", "非本单位职责");

        String page = given().auth().none().header("X-Forwarded-For", "10.8.4." + (int) (Math.random() * 250))
                .contentType(ContentType.URLENC).formParam("code", ticket.code())
                .formParam("accessCode", ticket.accessCode()).when().post("/status").then().statusCode(200)
                .extract().asString();
        assertThat(page).doesNotContain(COMMENT, "退单", "已退单", "非本单位职责");
    }
}
