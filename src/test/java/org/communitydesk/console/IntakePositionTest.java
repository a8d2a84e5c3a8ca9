package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 4: the position at intake works without script, as two WGS-84 fields the map (when script runs)
 * only fills; the map's box is hidden until the script shows it.
 */
@QuarkusTest
class IntakePositionTest {

    private static ConsolePagesTest.Form call(String latitude, String longitude) {
        return new ConsolePagesTest.Form().with("category", "sewer-blockage").with("description", "位置 " + UUID.randomUUID())
                .with("reporterName", "位先生").with("community", "beixinyuan").with("site", "hongan")
                .with("channel", "PHONE").with("confirmed", "true").with("latitude", latitude).with("longitude", longitude);
    }

    @Test
    void theFieldsAreThereWithoutScriptAndTheMapWaitsForIt() {
        String html = given().when().get("/console/intake?lang=en").then().statusCode(200).extract().asString();
        assertThat(html).contains("name=\"latitude\"", "name=\"longitude\"", "WGS-84")
                .containsPattern("id=\"intake-map\"[^>]*hidden")
                .contains("/webjars/leaflet/1.9.4/dist/leaflet.js", "/js/map.js");
        given().when().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200);
    }

    @Test
    void aTypedPositionIsStoredAsWgs84() {
        Response saved = ConsolePagesTest.Session.admin().post("/console/intake", call("40.09135", "113,32895"));
        saved.then().statusCode(303);
        String code = saved.header("Location").replaceAll(".*/console/tickets/", "");
        TicketApi.get(code).then().statusCode(200).body("location.latitude", org.hamcrest.Matchers.equalTo(40.09135f))
                .body("location.longitude", org.hamcrest.Matchers.equalTo(113.32895f));
    }

    @Test
    void aPositionThatIsNoNumberOrHalfGivenIsRefusedWithTheFormKept() {
        ConsolePagesTest.Session.admin().post("/console/intake", call("40.09x", "113.3288")).then().statusCode(400)
                .body(containsString("value=\"40.09x\""));
        ConsolePagesTest.Session.admin().post("/console/intake", call("40.0913", "")).then().statusCode(400);
        ConsolePagesTest.Session.admin().post("/console/intake", call("95", "113.3288")).then().statusCode(400);
    }
}
