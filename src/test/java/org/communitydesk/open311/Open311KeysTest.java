package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ADMIN issues, lists and revokes Open311 API keys; the key is shown once and only its hash is stored. */
@QuarkusTest
class Open311KeysTest {

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(issuedAt);
        Response answer = given().contentType(ContentType.JSON)
                .body(Map.of("organizationCode", "pingcheng-sanitation", "revealsAccessCode", true))
                .when().post("/api/open311/keys");

        answer.then().statusCode(201);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonPath issued = answer.jsonPath();
        String apiKey = issued.getString("apiKey");
        String prefix = issued.getString("key.prefix");
        // "cd311_" and 43 characters of base64url: 32 random bytes.
        assertThat(apiKey).matches("cd311_[A-Za-z0-9_-]{43}");
        assertThat(prefix).hasSize(14).isEqualTo(apiKey.substring(0, 14));
        assertThat(answer.header("Location")).endsWith("/api/open311/keys/" + prefix);
        assertThat(issued.getString("key.organizationCode")).isEqualTo("pingcheng-sanitation");
        assertThat(issued.getString("key.organizationName")).isEqualTo("平城区环卫服务中心");
        assertThat(issued.getString("key.application")).isNull();
        assertThat(issued.getBoolean("key.revealsAccessCode")).isTrue();
        assertThat(issued.getBoolean("key.active")).isTrue();
        assertThat(issued.getString("key.createdBy")).isEqualTo("admin");
        assertThat(issued.getString("key.createdAt")).isEqualTo(issuedAt.toString());
        assertThat(issued.getString("key.lastUsedAt")).isNull();

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select key_hash from open311_api_key where prefix = :prefix")
                .setParameter("prefix", prefix).getSingleResult());
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(apiKey.getBytes(StandardCharsets.UTF_8))));

        String list = given().when().get("/api/open311/keys").then().statusCode(200).extract().asString();
        assertThat(list).contains(prefix).doesNotContain(apiKey);
        String one = given().when().get("/api/open311/keys/{prefix}", prefix).then().statusCode(200).extract().asString();
        assertThat(one).contains(prefix).doesNotContain(apiKey);
    }

    @Test
    void keysAreListedNewestFirst() {
        String first = issue(Map.of("application", "应用一 " + token())).getString("key.prefix");
        String second = issue(Map.of("application", "应用二 " + token())).getString("key.prefix");

        List<String> prefixes = given().when().get("/api/open311/keys").then().statusCode(200).extract().jsonPath()
                .getList("prefix");

        assertThat(prefixes.indexOf(second)).isLessThan(prefixes.indexOf(first));
    }

    @Test
    void revokingStopsTheKeyAndIsKeptOnRecord() {
        JsonPath issued = issue(Map.of("application", "将吊销 " + token()));
        String prefix = issued.getString("key.prefix");
        Instant revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(5));
        clock.freezeAt(revokedAt);

        JsonPath revoked = given().contentType(ContentType.JSON).when().post("/api/open311/keys/{p}/revoke", prefix)
                .then().statusCode(200).extract().jsonPath();
        assertThat(revoked.getBoolean("active")).isFalse();
        assertThat(revoked.getString("revokedBy")).isEqualTo("admin");
        assertThat(revoked.getString("revokedAt")).isEqualTo(revokedAt.toString());

        // Again, a minute later: nothing changes, the first revocation's time stays.
        clock.freezeAt(revokedAt.plus(Duration.ofMinutes(1)));
        assertThat(given().contentType(ContentType.JSON).when().post("/api/open311/keys/{p}/revoke", prefix).then()
                .statusCode(200).extract().jsonPath().getString("revokedAt")).isEqualTo(revokedAt.toString());
        assertThat(given().when().get("/api/open311/keys/{p}", prefix).then().statusCode(200).extract().jsonPath()
                .getString("revokedAt")).isEqualTo(revokedAt.toString());
        Open311ErrorsTest.assertError(Open311Api.post("json", Open311Api.form(
                new Open311Api.Key(prefix, issued.getString("apiKey")), "已吊销")), "json", 403, "revoked");
    }

    @Test
    void aKeyNeedsAHolderThatExists() {
        given().contentType(ContentType.JSON).body(Map.of("revealsAccessCode", false)).when().post("/api/open311/keys")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("application", "  ")).when().post("/api/open311/keys")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("organizationCode", "nope")).when().post("/api/open311/keys")
                .then().statusCode(400);
        given().when().get("/api/open311/keys/{p}", "cd311_nothere").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).when().post("/api/open311/keys/{p}/revoke", "cd311_nothere").then()
                .statusCode(404);
    }

    @Test
    void onlyAdminsManageKeys() {
        var staff = TestUsers.staff("keys-staff", "beixinyuan");
        staff.request().when().get("/api/open311/keys").then().statusCode(403);
        staff.request().contentType(ContentType.JSON).body(Map.of("application", "偷偷的")).when()
                .post("/api/open311/keys").then().statusCode(403);
        given().auth().none().when().get("/api/open311/keys").then().statusCode(401);
    }

    private static JsonPath issue(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/open311/keys").then().statusCode(201)
                .extract().jsonPath();
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
