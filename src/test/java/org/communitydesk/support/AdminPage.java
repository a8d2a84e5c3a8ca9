package org.communitydesk.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communitydesk.console.ConsoleSession;
import org.communitydesk.console.Flash;

/** The administrator's browser in one language, for page forms over HTTP: its session, its CSRF token, flashes followed. */
public record AdminPage(String lang, String session, String token) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static AdminPage as(String lang) {
        Response intake = given().cookie("lang", lang).when().get("/console/intake");
        intake.then().statusCode(200);
        Matcher token = CSRF.matcher(intake.asString());
        assertThat(token.find()).isTrue();
        return new AdminPage(lang, intake.cookie(ConsoleSession.COOKIE), token.group(1));
    }

    public RequestSpecification request() {
        return given().cookie("lang", lang).cookie(ConsoleSession.COOKIE, session).redirects().follow(false);
    }

    public String get(String path) {
        return request().when().get(path).then().statusCode(200).extract().asString();
    }

    public Response post(String code, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(all)
                .when().post("/console/tickets/" + code + "/" + action);
    }

    public String follow(Response redirect) {
        redirect.then().statusCode(303);
        return request().cookie(Flash.COOKIE, redirect.cookie(Flash.COOKIE)).when().get(redirect.header("Location"))
                .then().statusCode(200).extract().asString();
    }
}
