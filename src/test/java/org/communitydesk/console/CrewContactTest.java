package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Consent to be called by the crew (issue 17, point 9): the lead contractor sees the phone only with it. */
@QuarkusTest
class CrewContactTest {

    private static String phone() {
        return "1370352" + String.format("%04d", (int) (Math.random() * 10000));
    }

    private static Response call(String phone, Boolean crewMayCall) {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("reporter", Map.of("name", "吴女士", "phone", phone));
        if (crewMayCall != null) {
            body.put("crewMayCall", crewMayCall);
        }
        return create(body);
    }

    @Test
    void theIntakePageAsksForConsent() {
        given().when().get("/console/intake").then().statusCode(200)
                .body(containsString("name=\"crewMayCall\""), containsString("来电人同意处理单位打电话联系"));
    }

    @Test
    void withConsentTheLeadContractorSeesThePhoneAndASupportingOneDoesNot() {
        String phone = phone();
        Response created = call(phone, true);
        String code = created.then().statusCode(201).extract().path("code");
        String accessCode = created.path("accessCode");
        move(code, "dispatch", dispatchBody("tongda-dredging", "datong-sewage")).then().statusCode(200);

        TestUsers.contractor("crewcall", "tongda-dredging").request().when().get("/console/tickets/{c}", code).then()
                .statusCode(200).body(containsString("id=\"caller-phone\" href=\"tel:" + phone + "\""),
                        not(containsString("吴女士")));
        TestUsers.contractor("crewcall", "tongda-dredging").request().when().get("/api/tickets/{c}", code).then()
                .statusCode(200).body("crewContact.callerPhone", org.hamcrest.Matchers.equalTo(phone))
                .body("reporter", nullValue());
        TestUsers.contractor("crewcall", "datong-sewage").request().when().get("/console/tickets/{c}", code).then()
                .statusCode(200).body(not(containsString(phone)), containsString("id=\"no-caller-phone\""));
        // Staff see that the caller agreed.
        given().when().get("/console/tickets/{c}", code).then().body(containsString("id=\"crew-may-call\""));
        // Never on the public status.
        given().auth().none().header("X-Access-Code", accessCode).when().get("/api/public/tickets/{c}", code).then()
                .statusCode(200).body(not(containsString(phone)));
    }

    @Test
    void withoutConsentTheContractorIsSentToTheCommunityOffice() {
        String phone = phone();
        String code = call(phone, null).then().statusCode(201).extract().path("code");
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200);
        TestUsers.contractor("crewcall", "tongda-dredging").request().queryParam("lang", "en").when()
                .get("/console/tickets/{c}", code).then().statusCode(200)
                .body(not(containsString(phone)), containsString("id=\"no-caller-phone\""),
                        containsString("Beixinyuan"), containsString("id=\"office-phone\" href=\"tel:0352-2041186\""));
        given().when().get("/console/tickets/{c}", code).then().body(not(containsString("id=\"crew-may-call\"")));
    }

    @Test
    void consentNeedsAPhone() {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("reporter", Map.of("name", "吴女士"));
        body.put("crewMayCall", true);
        create(body).then().statusCode(400).body(containsString("crewMayCall"));
    }
}
