package org.communitydesk.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access codes are kept as HMAC-SHA-256 under the shared access-code key, not as bcrypt; codes stored as
 * bcrypt before still open their ticket and are rewritten keyed on their first good use, without moving
 * the ticket's version.
 */
@QuarkusTest
class KeyedAccessCodeTest {

    @Inject
    EntityManager em;

    private String client;

    @BeforeEach
    void newClient() {
        client = "10.12." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void intakeStoresTheHmacOfTheCodeUnderTheKeyKeptOutsideTheTicketsTable() throws Exception {
        Response created = create(intake("sewer-blockage", "beixinyuan", "hongan"));
        String code = created.path("code");
        String accessCode = created.path("accessCode");

        String accessCodeKey = sharedKey("access-code-key");
        assertThat(accessCodeKey).as("32 random bytes, base64").hasSize(44).isNotEqualTo(sharedKey("session-key"));
        assertThat(storedHash(code)).isEqualTo("h1:" + hmacUnder(accessCodeKey, accessCode));
        lookup(code, accessCode).then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void aCodeStoredAsBcryptStillOpensTheTicketAndIsStoredKeyedAfterwardsWithoutANewVersion() {
        String code = create(intake("sewer-blockage", "beixinyuan", "hongan")).path("code");
        // What V5's code stored: a bcrypt hash of the code as issued.
        String legacyCode = "ACDE3467";
        storeHash(code, BcryptUtil.bcryptHash(legacyCode, 8));
        String etag = get(code).header("ETag");

        lookup(code, "ACDE3468").then().statusCode(404);
        assertThat(storedHash(code)).as("a wrong code rewrites nothing").startsWith("$2");

        lookup(code, "acde-3467").then().statusCode(200).body("code", equalTo(code));
        String rewritten = storedHash(code);
        assertThat(rewritten).startsWith("h1:").isEqualTo("h1:" + hmacUnder(sharedKey("access-code-key"), legacyCode));
        get(code).then().statusCode(200).header("ETag", equalTo(etag));

        lookup(code, legacyCode).then().statusCode(200);
        lookup(code, "ACDE3468").then().statusCode(404);
    }

    @Test
    void feedbackWithACodeStoredAsBcryptKeepsBothTheFeedbackAndTheKeyedHash() {
        String code = create(intake("sewer-blockage", "beixinyuan", "hongan")).path("code");
        walk(code, "dispatch", "start", "resolve");
        String legacyCode = "KMNP7964";
        storeHash(code, BcryptUtil.bcryptHash(legacyCode, 8));

        as(client).contentType(ContentType.JSON).header("X-Access-Code", legacyCode)
                .body(Map.of("rating", 5, "resolved", true))
                .when().post("/api/public/tickets/{code}/feedback", code)
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        assertThat(storedHash(code)).isEqualTo("h1:" + hmacUnder(sharedKey("access-code-key"), legacyCode));
        lookup(code, legacyCode).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    private RequestSpecification as(String address) {
        return given().auth().none().header("X-Forwarded-For", address);
    }

    private Response lookup(String code, String accessCode) {
        return as(client).header("X-Access-Code", accessCode).when().get("/api/public/tickets/{code}", code);
    }

    /** The HMAC as AccessCodes makes it, written out again here: key derived for its purpose, then the code. */
    private static String hmacUnder(String storedKey, String accessCode) throws RuntimeException {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(storedKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = derive.doFinal("communitydesk access code v1".getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(accessCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sharedKey(String name) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select secret from cd_keys.shared_secret where name = ?1")
                .setParameter(1, name).getSingleResult());
    }

    private String storedHash(String code) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select access_code_hash from ticket where code = ?1")
                .setParameter(1, code).getSingleResult());
    }

    private void storeHash(String code, String hash) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update ticket set access_code_hash = ?1 where code = ?2")
                .setParameter(1, hash).setParameter(2, code).executeUpdate());
    }
}
