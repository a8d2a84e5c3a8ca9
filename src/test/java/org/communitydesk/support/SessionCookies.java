package org.communitydesk.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens Quarkus' form-login cookie with a given key, to prove which key the running service uses: the
 * cookie is AES-GCM under SHA-256 of the key, laid out as [IV length][IV][cipher text] in Base64 and
 * holding "expiry:username". Also computes the CSRF token a key gives, for the same reason.
 */
public final class SessionCookies {

    public static final String FORM_COOKIE = "quarkus-credential";

    private SessionCookies() {
    }

    /**
     * A form sign-in; every cookie it sets, as a browser keeps them: Quarkus' session cookie and the session
     * token beside it (security.SessionTokens). Pages need both.
     */
    public static java.util.Map<String, String> signInCookies(String username, String password) {
        return new java.util.HashMap<>(given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check").then().statusCode(302).extract().cookies());
    }

    /** A form sign-in; the session cookie. */
    public static String signIn(String username, String password) {
        return given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check").then().statusCode(302).extract().cookie(FORM_COOKIE);
    }

    /** The user the cookie names, or null if this key does not open it. */
    public static String userIn(String cookie, String key) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(cookie.getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[bytes.get()];
            bytes.get(iv);
            byte[] sealed = new byte[bytes.remaining()];
            bytes.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] aesKey = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
            return plain.substring(plain.indexOf(':') + 1);
        } catch (GeneralSecurityException wrongKey) {
            return null;
        }
    }

    /** The CSRF token of console.CsrfTokens for this key, user and browser session id. */
    public static String csrfToken(String sessionKey, String username, String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] csrfKey = mac.doFinal("communitydesk console csrf v1".getBytes(StandardCharsets.US_ASCII));
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((username + "\n" + sessionId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
