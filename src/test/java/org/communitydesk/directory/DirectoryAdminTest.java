package org.communitydesk.directory;

import static io.restassured.RestAssured.given;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADMIN maintains organizations and sites; what they add is usable at once for intake and dispatch. */
@QuarkusTest
class DirectoryAdminTest {

    private final String token = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private Map<String, Object> organization(String code, String kind) {
        return new HashMap<>(Map.of("code", code, "kind", kind, "nameZh", "测试" + code, "nameEn", "Test " + code,
                "contactPhone", "0352-1234567"));
    }

    private Map<String, Object> site(String code, String community, boolean managed, String manager) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "测试小区", "nameEn", "Test Compound",
                "communityCode", community, "propertyManaged", managed));
        if (manager != null) {
            body.put("propertyManagerCode", manager);
        }
        return body;
    }

    @Test
    void aNewContractorCanBeDispatchedAtOnce() {
        String code = token + "-crew";
        given().contentType(ContentType.JSON).body(organization(code, "CONTRACTOR"))
                .when().post("/api/organizations").then().statusCode(201)
                .header("Location", endsWith("/api/organizations/" + code))
                .body("kind", equalTo("CONTRACTOR"));
        given().queryParam("kind", "CONTRACTOR").when().get("/api/organizations").then()
                .body("code", hasItem(code));

        String ticket = createTicket();
        move(ticket, "dispatch", dispatchBody(code)).then().statusCode(200)
                .body("leadOrganization.code", equalTo(code));
    }

    @Test
    void anOrganizationCodeIsTakenOnce() {
        String code = token + "-agency";
        given().contentType(ContentType.JSON).body(organization(code, "AGENCY")).when().post("/api/organizations")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(organization(code, "AGENCY")).when().post("/api/organizations")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(organization("Bad Code!", "AGENCY")).when().post("/api/organizations")
                .then().statusCode(400).body("violations[0].field", equalTo("code"));
    }

    @Test
    void anOrganizationsDetailsCanChangeButNotItsCode() {
        String code = token + "-pm";
        given().contentType(ContentType.JSON).body(organization(code, "PROPERTY_MANAGER")).when().post("/api/organizations")
                .then().statusCode(201);
        Map<String, Object> changed = organization(code, "PROPERTY_MANAGER");
        changed.put("contactPhone", "0352-7654321");
        given().contentType(ContentType.JSON).body(changed).when().put("/api/organizations/{c}", code)
                .then().statusCode(200).body("contactPhone", equalTo("0352-7654321"));
        given().contentType(ContentType.JSON).body(organization(token + "-other", "PROPERTY_MANAGER"))
                .when().put("/api/organizations/{c}", code).then().statusCode(400).body("violations[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body(organization(token + "-none", "AGENCY"))
                .when().put("/api/organizations/{c}", token + "-none").then().statusCode(404);
    }

    @Test
    void aNewSiteTakesCallsAndItsPropertyManagerCanChange() {
        String firstManager = token + "-pm1";
        String secondManager = token + "-pm2";
        for (String manager : new String[] { firstManager, secondManager }) {
            given().contentType(ContentType.JSON).body(organization(manager, "PROPERTY_MANAGER"))
                    .when().post("/api/organizations").then().statusCode(201);
        }
        String code = token + "-site";
        given().contentType(ContentType.JSON).body(site(code, "yingbinlu", true, firstManager))
                .when().post("/api/sites").then().statusCode(201)
                .body("propertyManagerCode", equalTo(firstManager));
        createTicket("street-light", "yingbinlu", code);

        given().contentType(ContentType.JSON).body(site(code, "yingbinlu", true, secondManager))
                .when().put("/api/sites/{c}", code).then().statusCode(200)
                .body("propertyManagerCode", equalTo(secondManager));
        given().queryParam("community", "yingbinlu").when().get("/api/sites").then()
                .body("find { it.code == '" + code + "' }.propertyManagerCode", equalTo(secondManager));
    }

    @Test
    void aSiteMustFitItsCommunityAndManager() {
        String code = token + "-bad";
        given().contentType(ContentType.JSON).body(site(code, "nowhere", false, null))
                .when().post("/api/sites").then().statusCode(400).body("violations[0].field", equalTo("communityCode"));
        given().contentType(ContentType.JSON).body(site(code, "yingbinlu", false, "zhongrui-property"))
                .when().post("/api/sites").then().statusCode(400).body("violations[0].field", equalTo("propertyManagerCode"));
        given().contentType(ContentType.JSON).body(site(code, "yingbinlu", true, "datong-sewage"))
                .when().post("/api/sites").then().statusCode(400).body("violations[0].field", equalTo("propertyManagerCode"));
        given().when().get("/api/sites").then().body("code", not(hasItem(code)));
        given().contentType(ContentType.JSON).body(site(code, "yingbinlu", false, null))
                .when().put("/api/sites/{c}", code).then().statusCode(404);
    }
}
