package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communitydesk.common.Roles;
import org.communitydesk.support.TicketApi;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;

/**
 * "Needs me" (需要我处理): a contractor's orders still to accept, the offices' returned tickets waiting to be
 * dispatched again; each within the caller's scope, in the API and in the console's queue.
 */
@QuarkusTest
class NeedsMeTest {

    private static String dispatched(String category, String community, String site, String lead, String... support) {
        String code = createTicket(category, community, site);
        move(code, "dispatch", dispatchBody(lead, support)).then().statusCode(200);
        return code;
    }

    private static String returned(String community) {
        String code = dispatched("street-light", community, null, "pingcheng-sanitation");
        move(code, "return", Map.of("reason", "NOT_OUR_JURISDICTION", "comment", "不归环卫管")).then().statusCode(200);
        return code;
    }

    private static List<String> needsMe(User user) {
        return user.request().queryParam("needsMe", "true").queryParam("size", 200).when().get("/api/tickets").then()
                .statusCode(200).extract().jsonPath().getList("items.code", String.class);
    }

    @Test
    void aContractorNeedsToAcceptItsOrganizationsOpenOrdersOnly() {
        String toAccept = dispatched("sewer-blockage", "beixinyuan", "hongan", "tongda-dredging");
        String supporting = dispatched("sewage-overflow", "zhenxingjie", "jianzhu-no3", "datong-sewage", "tongda-dredging");
        String accepted = dispatched("sewer-blockage", "beixinyuan", "hongan", "tongda-dredging");
        move(accepted, "accept", Map.of("organizationCode", "tongda-dredging")).then().statusCode(200);
        String elsewhere = dispatched("sewer-blockage", "beixinyuan", "hongan", "datong-sewage");
        String cancelled = dispatched("sewer-blockage", "beixinyuan", "hongan", "tongda-dredging");
        move(cancelled, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);
        String returned = returned("yingbinlu");

        List<String> crew = needsMe(TestUsers.contractor("needs-crew", "tongda-dredging"));
        assertThat(crew).contains(toAccept, supporting).doesNotContain(accepted, elsewhere, cancelled, returned);
        assertThat(needsMe(TestUsers.contractor("needs-sewage", "datong-sewage"))).contains(supporting, elsewhere)
                .doesNotContain(toAccept, accepted);
    }

    @Test
    void theOfficesNeedToDispatchTheReturnedTicketsOfTheirScopeAgain() {
        String inYingbinlu = returned("yingbinlu");
        String inQingyuan = returned("qingyuanxijie");
        String redispatched = returned("yingbinlu");
        move(redispatched, "dispatch", dispatchBody("yingbin-enforcement")).then().statusCode(200);
        String reportedOnly = createTicket("street-light", "yingbinlu", null);
        String toAccept = dispatched("street-light", "yingbinlu", null, "pingcheng-sanitation");

        assertThat(needsMe(TestUsers.staff("needs-staff", "yingbinlu"))).contains(inYingbinlu)
                .doesNotContain(inQingyuan, redispatched, reportedOnly, toAccept);
        assertThat(needsMe(TestUsers.supervisor("needs-supervisor", "yingbin"))).contains(inYingbinlu)
                .doesNotContain(inQingyuan, redispatched, reportedOnly, toAccept);
        assertThat(needsMe(TestUsers.supervisor("needs-qingyuan", "qingyuan"))).contains(inQingyuan)
                .doesNotContain(inYingbinlu);
        assertThat(needsMe(TestUsers.staff("needs-beixinyuan", "beixinyuan"))).doesNotContain(inYingbinlu, inQingyuan);
        List<String> admin = given().queryParam("needsMe", "true").queryParam("size", 200).when().get("/api/tickets")
                .then().statusCode(200).extract().jsonPath().getList("items.code", String.class);
        assertThat(admin).contains(inYingbinlu, inQingyuan).doesNotContain(redispatched, reportedOnly, toAccept);
        // needsMe=false is the whole list; a bad value is a 400 naming it.
        given().queryParam("needsMe", "false").queryParam("community", "yingbinlu").queryParam("size", 200)
                .when().get("/api/tickets").then().statusCode(200).body("items.code", hasItem(reportedOnly));
        given().queryParam("needsMe", "maybe").when().get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aSupervisorNeedsToDecideTheExtensionRequestsOfItsStreetOfficeOnly() {
        String asked = dispatched("sewer-blockage", "yingbinlu", null, "tongda-dredging");
        move(asked, "request-extension", TicketApi.validBodyFor("request-extension")).then().statusCode(200);
        String decided = dispatched("sewer-blockage", "yingbinlu", null, "tongda-dredging");
        move(decided, "request-extension", TicketApi.validBodyFor("request-extension")).then().statusCode(200);
        move(decided, "approve-extension", Map.of()).then().statusCode(200);
        String elsewhere = dispatched("sewer-blockage", "qingyuanxijie", null, "tongda-dredging");
        move(elsewhere, "request-extension", TicketApi.validBodyFor("request-extension")).then().statusCode(200);

        assertThat(needsMe(TestUsers.supervisor("needs-ext-yingbin", "yingbin"))).contains(asked)
                .doesNotContain(decided, elsewhere);
        assertThat(needsMe(TestUsers.supervisor("needs-ext-qingyuan", "qingyuan"))).contains(elsewhere)
                .doesNotContain(asked);
        // Staff do not decide extensions.
        assertThat(needsMe(TestUsers.staff("needs-ext-staff", "yingbinlu"))).doesNotContain(asked);
    }

    @Test
    void theQueueHasANeedsMeViewForEachOfThem() {
        String returned = returned("yingbinlu");
        String toAccept = dispatched("street-light", "yingbinlu", null, "pingcheng-sanitation");
        User staff = TestUsers.staff("needs-page", "yingbinlu");

        String office = staff.request().when().get("/console/tickets?needsMe=true&lang=zh&q=" + returned).then()
                .statusCode(200).extract().asString();
        assertThat(office).contains("id=\"view-needs-me\"", "需要我处理", "已退单、等待重新派单的工单",
                "data-code=\"" + returned + "\"", "已退单 · 非本单位职责");
        assertThat(staff.request().when().get("/console/tickets?needsMe=true&q=" + toAccept).then().statusCode(200)
                .extract().asString()).doesNotContain("data-code=\"" + toAccept + "\"");
        String all = staff.request().when().get("/console/tickets?lang=en&q=" + toAccept).then().statusCode(200)
                .extract().asString();
        assertThat(all).contains("href=\"/console/tickets?needsMe=true\"", "Needs me", "data-code=\"" + toAccept + "\"");

        User crew = TestUsers.contractor("needs-page-crew", "pingcheng-sanitation");
        assertThat(crew.request().when().get("/console/tickets?needsMe=true&lang=en&q=" + toAccept).then()
                .statusCode(200).extract().asString()).contains("Orders your organization has yet to accept.",
                        "data-code=\"" + toAccept + "\"");
    }

    @Test
    void eachKindOfWaitingWorkConcernsItsOwnCallers() {
        // Plain: the table of needs, by roles and scope.
        assertThat(NeedsMe.namesFor(Set.of(Roles.CONTRACTOR), TicketScope.organization(7)))
                .containsExactly("orders-to-accept");
        assertThat(NeedsMe.namesFor(Set.of(Roles.STAFF), TicketScope.community(3)))
                .containsExactly("returned-to-dispatch");
        assertThat(NeedsMe.namesFor(Set.of(Roles.ADMIN), TicketScope.ALL))
                .containsExactly("returned-to-dispatch", "extensions-to-decide");
        assertThat(NeedsMe.namesFor(Set.of(Roles.SUPERVISOR), TicketScope.streetOffice(2)))
                .containsExactly("returned-to-dispatch", "extensions-to-decide");
        assertThat(NeedsMe.predicate("t", Set.of(), TicketScope.ALL)).isEqualTo("t.id < 0");
        given().queryParam("needsMe", "true").when().get("/api/tickets").then().statusCode(200)
                .body("items.status", not(hasItem("CLOSED")));
    }
}
