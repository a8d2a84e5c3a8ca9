package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Staff views and list pages are kept for a few seconds (TicketService, TicketSearch); asked again, each must
 * still show every change at once: of the ticket, of another ticket it lists, of its access blocks, and each
 * caller must get their own.
 */
@QuarkusTest
class KeptStaffReadsTest {

    @Test
    void aViewAskedAgainShowsANewCallAtTheSameCompoundThoughTheTicketItselfDidNotChange() {
        // street-light at 宏安小区: a category and compound that leave the other tests' duplicates alone.
        String first = create(intake("street-light", "beixinyuan", "hongan")).path("code");
        long version = ((Number) given().when().get("/api/tickets/{code}", first).then().statusCode(200)
                .extract().path("version")).longValue();
        given().when().get("/api/tickets/{code}", first).then().statusCode(200);

        String second = create(intake("street-light", "beixinyuan", "hongan")).path("code");

        given().when().get("/api/tickets/{code}", first).then().statusCode(200)
                .body("version", equalTo((int) version))
                .body("possibleDuplicates.code", hasItem(second));
    }

    @Test
    void eachCallerGetsTheirOwnViewOfTheSameTicket() {
        String code = create(intake("sewer-blockage", "beixinyuan", "hongan")).path("code");
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        var crew = TestUsers.contractor("kept-crew", "tongda-dredging");

        for (int round = 0; round < 2; round++) {
            given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                    .body("reporter.phone", notNullValue())
                    .body("crewContact", nullValue());
            crew.request().when().get("/api/tickets/{code}", code).then().statusCode(200)
                    .body("reporter", nullValue())
                    .body("crewContact", notNullValue());
        }
        // Out of scope stays 404, kept view or not.
        var otherCrew = TestUsers.contractor("kept-other", "datong-sewage");
        otherCrew.request().when().get("/api/tickets/{code}", code).then().statusCode(404);
    }

    @Test
    void anAccessBlockThatStartsAfterAViewWasKeptShowsAtOnce() {
        var created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        given().when().get("/api/tickets/{code}", code).then().statusCode(200).body("accessBlocks.clients", empty());
        given().when().get("/api/tickets/{code}", code).then().statusCode(200);

        String client = "10.7." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i <= 10; i++) {
            given().auth().none().header("X-Forwarded-For", client).header("X-Access-Code", "WRONG" + i)
                    .when().get("/api/public/tickets/{code}", code).then().statusCode(404);
        }

        given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("accessBlocks.clients.address", equalTo(List.of(client)));
        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/tickets/{code}/access-blocks/lift", code).then().statusCode(200);
        given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .body("accessBlocks.clients", empty());
    }

    @Test
    void aListPageAskedAgainShowsANewTicketAndAMoveAtOnce() {
        String path = "/api/tickets?size=50&community=zhenxingjie&sort=-reportedAt";
        given().when().get(path).then().statusCode(200);
        given().when().get(path).then().statusCode(200);

        String code = create(intake("sewer-blockage", "zhenxingjie", null)).path("code");
        given().when().get(path).then().statusCode(200)
                .body("items[0].code", equalTo(code))
                .body("items[0].status", equalTo("REPORTED"));

        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        given().when().get(path).then().statusCode(200)
                .body("items[0].code", equalTo(code))
                .body("items[0].status", equalTo("DISPATCHED"))
                .body("items[0].leadOrganization.code", equalTo("tongda-dredging"));
    }

    @Test
    void eachCallerGetsTheirOwnListPage() {
        String code = create(intake("sewer-blockage", "zhenxingjie", null)).path("code");
        var crew = TestUsers.contractor("kept-list", "datong-sewage");
        String path = "/api/tickets?size=50&sort=-reportedAt";

        for (int round = 0; round < 2; round++) {
            given().when().get(path).then().statusCode(200).body("items.code", hasItem(code));
            List<String> crewCodes = crew.request().when().get(path).then().statusCode(200).extract().path("items.code");
            assertThat(crewCodes).doesNotContain(code);
        }
        move(code, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200);
        crew.request().when().get(path).then().statusCode(200).body("items.code", hasItem(code));
        given().contentType(ContentType.JSON).body(Map.of("assignments", List.of(Map.of("organizationCode",
                "tongda-dredging", "role", "LEAD")))).when().post("/api/tickets/{code}/dispatch", code)
                .then().statusCode(200);
        crew.request().when().get(path).then().statusCode(200).body("items.code", not(hasItem(code)));
    }
}
