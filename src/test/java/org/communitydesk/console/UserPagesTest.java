package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.Test;

/** Accounts on pages (issue 17, point 14): one's own password, and the ADMINs' user pages, by the API's rules. */
@QuarkusTest
class UserPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String GOOD = "Ein-langes-Passwort-42";

    /** Posts a form as the user of {@code as}, with the token of the page at {@code page}. */
    private static Response post(Supplier<RequestSpecification> as, String page, String path, Map<String, String> fields) {
        Response shown = as.get().when().get(page);
        shown.then().statusCode(200);
        Matcher token = CSRF.matcher(shown.asString());
        assertThat(token.find()).isTrue();
        RequestSpecification request = as.get().redirects().follow(false)
                .cookie(ConsoleSession.COOKIE, shown.cookie(ConsoleSession.COOKIE))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token.group(1));
        fields.forEach(request::formParam);
        return request.when().post(path);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnAPageByThePolicy() {
        TestUsers.User staff = TestUsers.staff("ownpassword", "beixinyuan");
        Supplier<RequestSpecification> as = staff::request;
        as.get().when().get("/console/tickets").then().body(containsString("href=\"/console/password\""),
                not(containsString("href=\"/console/users\"")));

        post(as, "/console/password", "/console/password", Map.of("currentPassword", "not-it-at-all",
                "newPassword", GOOD, "repeatPassword", GOOD)).then().statusCode(400)
                .body(containsString("当前密码不对"));
        post(as, "/console/password", "/console/password", Map.of("currentPassword", staff.password(),
                "newPassword", GOOD, "repeatPassword", GOOD + "x")).then().statusCode(400)
                .body(containsString("两次输入的新密码不一样"));
        // The API's policy: a common password is refused.
        post(as, "/console/password", "/console/password", Map.of("currentPassword", staff.password(),
                "newPassword", "password123", "repeatPassword", "password123")).then().statusCode(400)
                .body(containsString("这个新密码不能用"), containsString("这个密码在常见或已泄露的密码名单上"),
                        org.hamcrest.Matchers.not(containsString("breached")));

        post(as, "/console/password", "/console/password", Map.of("currentPassword", staff.password(),
                "newPassword", GOOD, "repeatPassword", GOOD)).then().statusCode(303)
                .header("Location", containsString("/login?passwordChanged"));
        staff.request().when().get("/api/me").then().statusCode(401);
        staff.withPassword(GOOD).when().get("/api/me").then().statusCode(200);
        given().auth().none().when().get("/login?passwordChanged").then().body(containsString("id=\"password-changed\""));
    }

    @Test
    void anAdminListsCreatesDisablesEnablesAndSetsPasswordsOnPages() {
        Supplier<RequestSpecification> admin = RestAssured::given;
        String name = TestUsers.uniqueName("pageuser");
        String list = given().when().get("/console/users").then().statusCode(200).extract().asString();
        assertThat(list).contains("data-user=\"admin\"").contains("id=\"create-user\"");

        // The API's rules: a weak password and a missing community are refused, the form keeps what was typed.
        post(admin, "/console/users", "/console/users", Map.of("username", name, "displayName", "页面用户",
                "password", "123", "role", "STAFF", "community", "beixinyuan")).then().statusCode(400)
                .body(containsString("id=\"users-problem\""), containsString("value=\"" + name + "\""),
                        containsString("密码至少要有 10 个字符。"), org.hamcrest.Matchers.not(containsString("The password")));
        post(admin, "/console/users", "/console/users", Map.of("username", name, "displayName", "页面用户",
                "password", GOOD, "role", "STAFF")).then().statusCode(400);

        post(admin, "/console/users", "/console/users", Map.of("username", name, "displayName", "页面用户",
                "password", GOOD, "role", "STAFF", "community", "beixinyuan", "organization", "tongda-dredging"))
                .then().statusCode(303).header("Location", containsString("/console/users?done=usersCreated"));
        given().auth().preemptive().basic(name, GOOD).when().get("/api/me").then().statusCode(200);
        given().when().get("/api/users/{u}", name).then().body("communityCode", org.hamcrest.Matchers.equalTo("beixinyuan"))
                .body("organizationCode", org.hamcrest.Matchers.nullValue());
        // The same name again: refused as the API refuses it.
        post(admin, "/console/users", "/console/users", Map.of("username", name, "displayName", "又一个",
                "password", GOOD, "role", "ADMIN")).then().statusCode(400).body(containsString("id=\"users-problem\""),
                        containsString("这个用户名已经有人用了。"), org.hamcrest.Matchers.not(containsString("already exists")));

        post(admin, "/console/users", "/console/users/" + name + "/disable", Map.of()).then().statusCode(303);
        given().auth().preemptive().basic(name, GOOD).when().get("/api/me").then().statusCode(401);
        post(admin, "/console/users", "/console/users/" + name + "/enable", Map.of()).then().statusCode(303);
        post(admin, "/console/users", "/console/users/" + name + "/password", Map.of("password", "short"))
                .then().statusCode(400);
        post(admin, "/console/users", "/console/users/" + name + "/password?lang=en", Map.of("password", "short"))
                .then().statusCode(400).body(containsString("The password must have at least 10 characters."));
        post(admin, "/console/users", "/console/users/" + name + "/password", Map.of("password", GOOD + "-neu"))
                .then().statusCode(303);
        given().auth().preemptive().basic(name, GOOD + "-neu").when().get("/api/me").then().statusCode(200);
        given().when().get("/console/users?done=usersPasswordSet&user=" + name).then()
                .body(containsString("id=\"users-done\""));
        // An admin cannot disable themselves here either.
        post(admin, "/console/users", "/console/users/admin/disable", Map.of()).then().statusCode(400);
    }

    @Test
    void onlyAdminsOpenTheUserPages() {
        TestUsers.staff("userpages", "beixinyuan").request().when().get("/console/users").then().statusCode(403);
        TestUsers.contractor("userpages", "tongda-dredging").request().when().get("/console/users").then()
                .statusCode(403);
        TestUsers.supervisor("userpages", "yingbin").request().redirects().follow(false).when()
                .post("/console/users/admin/disable").then().statusCode(403);
        given().auth().none().redirects().follow(false).when().get("/console/users").then().statusCode(303)
                .header("Location", containsString("/login?next="));
    }
}
