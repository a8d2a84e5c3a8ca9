package org.communitydesk.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Issue 21, point 3: ADMINs place compounds and communities; the lists publish the footprints (WGS-84). */
@QuarkusTest
class FootprintAdminTest {

    private final String token = "fp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private void createSite(String code) {
        given().contentType(ContentType.JSON).body(Map.of("code", code, "nameZh", "测试小区", "nameEn", "Test Compound",
                "communityCode", "beixinyuan", "propertyManaged", false)).when().post("/api/sites").then().statusCode(201);
    }

    @Test
    void anAdminPlacesACompoundAndTheListPublishesIt() {
        String code = token + "-placed";
        createSite(code);
        given().when().get("/api/sites?community=beixinyuan").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.footprint", nullValue());

        // North-east in 北馨园社区, clear of 宏安小区 and of the points other tests report at.
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.0930, "longitude", 113.3340, "radiusMetres", 50))
                .when().put("/api/sites/{code}/footprint", code).then().statusCode(200)
                .body("footprint.latitude", equalTo(40.093f)).body("footprint.radiusMetres", equalTo(50));

        JsonPath listed = given().when().get("/api/sites?community=beixinyuan").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getDouble("find { it.code == '" + code + "' }.footprint.longitude")).isEqualTo(113.334);
        assertThat(listed.getInt("find { it.code == 'hongan' }.footprint.radiusMetres")).isEqualTo(150);

        given().contentType(ContentType.JSON).body("{}").when().delete("/api/sites/{code}/footprint", code)
                .then().statusCode(200).body("footprint", nullValue());
    }

    @Test
    void theAreaTreePublishesCommunityFootprintsOnly() {
        JsonPath tree = given().when().get("/api/areas").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("footprint")).containsOnlyNulls();
        assertThat(tree.getDouble("children.flatten().children.flatten().find { it.code == 'beixinyuan' }.footprint.latitude"))
                .isEqualTo(40.0905);
    }

    @Test
    void anAdminPlacesACommunity() {
        // The footprint it has (V6), so that no other test's routing moves.
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.0905, "longitude", 113.3300, "radiusMetres", 500))
                .when().put("/api/areas/{code}/footprint", "beixinyuan").then().statusCode(200)
                .body("latitude", equalTo(40.0905f)).body("radiusMetres", equalTo(500));
    }

    @Test
    void aFootprintIsCheckedAndOnlyForAdminsAndCommunities() {
        String code = token + "-checked";
        createSite(code);
        given().contentType(ContentType.JSON).body(Map.of("latitude", 95, "longitude", 113.33, "radiusMetres", 0))
                .when().put("/api/sites/{code}/footprint", code).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItems("latitude", "radiusMetres"));
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33))
                .when().put("/api/sites/{code}/footprint", code).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33, "radiusMetres", 100))
                .when().put("/api/sites/{code}/footprint", token + "-none").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33, "radiusMetres", 100))
                .when().put("/api/areas/{code}/footprint", "yingbin").then().statusCode(400)
                .body("detail", containsString("only communities"));

        var staff = TestUsers.staff("fp-staff", "beixinyuan");
        staff.request().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33, "radiusMetres", 100))
                .when().put("/api/sites/{code}/footprint", code).then().statusCode(403);
        staff.request().contentType(ContentType.JSON).body(Map.of("latitude", 40.09, "longitude", 113.33, "radiusMetres", 100))
                .when().put("/api/areas/{code}/footprint", "beixinyuan").then().statusCode(403);
    }
}
