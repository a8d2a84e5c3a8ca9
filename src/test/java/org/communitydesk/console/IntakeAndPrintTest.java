package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Small things of issue 17, point 15: the community chosen for one-community staff, the counter, printing. */
@QuarkusTest
class IntakeAndPrintTest {

    @Test
    void staffOfOneCommunityFindItChosen() {
        TestUsers.staff("onecommunity", "beixinyuan").request().when().get("/console/intake").then().statusCode(200)
                .body(containsString("<option value=\"beixinyuan\" selected>"));
        // A supervisor's street office has several: none is chosen for them.
        TestUsers.supervisor("onecommunity", "yingbin").request().when().get("/console/intake").then().statusCode(200)
                .body(not(containsString("<option value=\"beixinyuan\" selected>")));
    }

    @Test
    void theDescriptionShowsItsLimitAndALongOneIsRefusedWithTheTextKept() {
        String html = given().when().get("/console/intake").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"description-counter\" data-max=\"4000\"").contains("最多 4000 字")
                .doesNotContain("maxlength=\"4000\"");
        given().when().get("/js/intake.js").then().statusCode(200).body(containsString("description-counter"));

        String tooLong = "长".repeat(4001);
        ConsolePagesTest.Session admin = ConsolePagesTest.Session.admin();
        admin.post("/console/intake", new ConsolePagesTest.Form().with("category", "sewer-blockage")
                .with("description", tooLong).with("reporterName", "郑先生").with("community", "beixinyuan")
                .with("channel", "PHONE")).then().statusCode(400).body(containsString(tooLong));
    }

    @Test
    void aTicketPrintsWithoutNavigationAndForms() {
        String css = given().when().get("/css/app.css").then().statusCode(200).extract().asString();
        String print = css.substring(css.indexOf("@media print"));
        assertThat(print).contains(".site-header").contains(".console-nav").contains("form").contains("display: none");
    }
}
