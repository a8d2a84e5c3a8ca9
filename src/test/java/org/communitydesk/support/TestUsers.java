package org.communitydesk.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Users for tests of roles and scope, created through POST /api/users as the test administrator.
 * Names carry a random suffix, so that test classes sharing one database never collide.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-user-password";

    private TestUsers() {
    }

    /** A signed-in caller: its name, its password and requests with its HTTP Basic credentials. */
    public record User(String username, String password) {

        public RequestSpecification request() {
            return given().auth().preemptive().basic(username, password);
        }

        /** A request with this user's name but a different password. */
        public RequestSpecification withPassword(String otherPassword) {
            return given().auth().preemptive().basic(username, otherPassword);
        }
    }

    /** A user name that no other test uses: {@code prefix-xxxxxxxx}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static User staff(String prefix, String communityCode) {
        return create(prefix, "STAFF", "communityCode", communityCode);
    }

    public static User supervisor(String prefix, String streetOfficeCode) {
        return create(prefix, "SUPERVISOR", "streetOfficeCode", streetOfficeCode);
    }

    public static User contractor(String prefix, String organizationCode) {
        return create(prefix, "CONTRACTOR", "organizationCode", organizationCode);
    }

    public static User admin(String prefix) {
        return create(prefix, "ADMIN", null, null);
    }

    /** The body of POST /api/users for a new user with the test password. */
    public static Map<String, Object> userBody(String username, String role, String scopeField, String scopeCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "测试用户 " + username);
        body.put("password", PASSWORD);
        body.put("role", role);
        if (scopeField != null) {
            body.put(scopeField, scopeCode);
        }
        return body;
    }

    /** POST /api/users as the test administrator, whatever the default credentials of the moment are. */
    public static Response postUser(Map<String, Object> body) {
        return given().auth().preemptive().basic(SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD)
                .contentType(ContentType.JSON).body(body).when().post("/api/users");
    }

    private static User create(String prefix, String role, String scopeField, String scopeCode) {
        String username = uniqueName(prefix);
        postUser(userBody(username, role, scopeField, scopeCode)).then().statusCode(201);
        return new User(username, PASSWORD);
    }
}
