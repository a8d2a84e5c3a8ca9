package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * ADMIN keeps the hosts whose Open311 media_url the service fetches (issue 15, point 6): listed with the setting's
 * (the test setting names localhost), added and removed through the API, bad hosts refused with a problem+json 400.
 * That a change decides the next POST is Open311MediaUrlTest's, with a real server to fetch from.
 */
@QuarkusTest
class Open311MediaHostsTest {

    static final String PATH = "/api/open311/media-hosts";

    private static Response allow(String host) {
        return given().contentType(ContentType.JSON).body(Map.of("host", host)).when().post(PATH);
    }

    private static String uniqueHost() {
        return "img-" + Open311MediaTest.token() + ".example.cn";
    }

    @Test
    void anAdminAllowsAHostSeesItListedAndRemovesIt() {
        String host = uniqueHost();
        Response added = allow("  " + host.toUpperCase() + "  ");
        added.then().statusCode(201).contentType(ContentType.JSON)
                .body("host", equalTo(host)).body("source", equalTo("ADMIN")).body("addedBy", equalTo("admin"));
        assertThat(added.header("Location")).endsWith(PATH + "/" + host);

        JsonPath listed = given().when().get(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getString("find { it.host == 'localhost' }.source")).as("the setting's host").isEqualTo("SETTING");
        assertThat(listed.getString("find { it.host == '" + host + "' }.source")).isEqualTo("ADMIN");
        assertThat(listed.getString("find { it.host == '" + host + "' }.addedAt")).isNotNull();

        allow(host).then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).when().delete(PATH + "/{host}", host).then().statusCode(204);
        assertThat(given().when().get(PATH).then().extract().jsonPath().getList("host", String.class)).doesNotContain(host);
        given().contentType(ContentType.JSON).when().delete(PATH + "/{host}", host).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aChineseDomainIsKeptInItsAsciiForm() {
        String token = Open311MediaTest.token();
        allow("图片" + token + ".中国").then().statusCode(201).body("host", startsWith("xn--")).body("host", containsString(token));
    }

    @Test
    void theSettingsHostsAreListedButOnlyTheSettingRemovesThem() {
        allow("localhost").then().statusCode(409).body("detail", containsString("communitydesk.open311.media-hosts"));
        given().contentType(ContentType.JSON).when().delete(PATH + "/localhost").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("remove it there"));
    }

    @Test
    void whatIsNotABareHostIsRefusedWith400SayingWhy() {
        Map<String, String> refused = Map.of(
                "https://img.example.cn/p/1.jpg", "no scheme, path",
                "img.example.cn/photos", "no scheme, path",
                "*.example.cn", "Wildcards are not supported",
                "img.example.cn:8443", "without a port",
                "img_example.cn", "not a valid host name",
                "10.0.0.300", "not a valid host name",
                " ", "Name a host");
        for (var entry : refused.entrySet()) {
            allow(entry.getKey()).then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("host"))
                    .body("detail", containsString(entry.getValue()));
        }
        given().contentType(ContentType.JSON).body("{}").when().post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"host\": [\"a.example.cn\"]}").when().post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).when().delete(PATH + "/{host}", "*.example.cn").then().statusCode(400);
    }

    @Test
    void onlyAdminsSeeOrChangeTheList() {
        String host = uniqueHost();
        for (TestUsers.User notAdmin : List.of(TestUsers.staff("media-staff", "beixinyuan"),
                TestUsers.supervisor("media-supervisor", "yingbin"))) {
            notAdmin.request().when().get(PATH).then().statusCode(403).contentType("application/problem+json");
            notAdmin.request().contentType(ContentType.JSON).body(Map.of("host", host)).when().post(PATH).then()
                    .statusCode(403);
            notAdmin.request().contentType(ContentType.JSON).when().delete(PATH + "/localhost").then().statusCode(403);
        }
        given().auth().none().when().get(PATH).then().statusCode(401);
        assertThat(given().when().get(PATH).then().extract().jsonPath().getList("host", String.class)).doesNotContain(host);
    }
}
