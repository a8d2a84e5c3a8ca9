package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.BASE;
import static org.communitydesk.open311.Open311Api.FORM;
import static org.communitydesk.open311.Open311Api.JSON;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.child;
import static org.communitydesk.open311.Open311Api.childNames;
import static org.communitydesk.open311.Open311Api.elements;
import static org.communitydesk.open311.Open311Api.xml;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Under /open311/ every error is in the spec's format, in the format the URL asks for (JSON when it
 * names none), with only the HTTP codes the spec names: 400, 403 and 404. Never problem+json, never 500.
 */
@QuarkusTest
class Open311ErrorsTest {

    /** Checks an Open311 error answer: status, format, the spec's shape, and a description that says what. */
    static void assertError(Response answer, String format, int status, String mentioned) {
        assertThat(answer.statusCode()).as("%s: %s", format, answer.asString()).isEqualTo(status);
        if (format.equals("xml")) {
            Document xml = xml(answer);
            assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("errors");
            List<Element> errors = elements(xml, "/errors/error");
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(childNames(error)).containsExactly("code", "description");
                assertThat(child(error, "code")).isEqualTo(String.valueOf(status));
            });
            assertThat(errors).anySatisfy(error -> assertThat(child(error, "description")).contains(mentioned));
        } else {
            assertThat(answer.contentType()).isEqualTo(JSON);
            List<Map<String, Object>> errors = answer.jsonPath().getList("$");
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.keySet()).containsExactly("code", "description");
                assertThat(error.get("code")).isEqualTo(status);
            });
            assertThat(errors).anySatisfy(error -> assertThat((String) error.get("description")).contains(mentioned));
        }
        assertThat(answer.asString()).doesNotContain("urn:communitydesk:problem", "Exception", "org.communitydesk");
    }

    static Stream<Arguments> invalidArguments() {
        return Stream.of(
                Arguments.of("status=pending", "status"),
                Arguments.of("service_code=nope", "service_code"),
                Arguments.of("service_code=sewer-blockage,nope", "nope"),
                Arguments.of("start_date=yesterday", "start_date"),
                Arguments.of("start_date=2026-11-01", "start_date"),
                Arguments.of("end_date=2026-11-01T00:00:00", "end_date"),
                Arguments.of("start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z", "end_date"),
                Arguments.of("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90 days"),
                Arguments.of("page=0", "page"),
                Arguments.of("page=first", "page"),
                Arguments.of("page_size=0", "page_size"),
                Arguments.of("page_size=1001", "page_size"),
                Arguments.of("page_size=ten", "page_size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArguments")
    void invalidArgumentsOfTheListAreRefusedInBothFormats(String query, String mentioned) {
        for (String format : List.of("json", "xml")) {
            assertError(anonymous().when().get(BASE + "/requests." + format + "?" + query), format, 400, mentioned);
        }
    }

    @Test
    void anUnknownRequestOrServiceIsNotFound() {
        for (String format : List.of("json", "xml")) {
            assertError(anonymous().when().get(BASE + "/requests/CD-1999-999999." + format), format, 404, "CD-1999-999999");
            assertError(anonymous().when().get(BASE + "/services/nope." + format), format, 404, "nope");
        }
    }

    @Test
    void anUnknownFormatIsNotFoundAndAnswersInJson() {
        for (String path : List.of("/services.yaml", "/discovery.html", "/requests.csv", "/services/sewer-blockage.txt",
                "/requests/CD-2026-000001.yml")) {
            assertError(anonymous().when().get(BASE + path), "json", 404, "format");
        }
        assertError(anonymous().contentType(FORM).formParams(Map.of("api_key", "x")).when().post(BASE + "/requests.yaml"),
                "json", 404, "format");
    }

    @Test
    void anUnknownPathIsNotFoundInTheFormatItNames() {
        assertError(anonymous().when().get(BASE + "/tokens/123.xml"), "xml", 404, "nothing");
        assertError(anonymous().when().get(BASE + "/nope.json"), "json", 404, "nothing");
        assertError(anonymous().when().get(BASE + "/services"), "json", 404, "nothing");
        assertError(anonymous().when().get("/open311/v3/services.xml"), "xml", 404, "nothing");
    }

    @Test
    void anotherMethodOrContentTypeIsABadRequest() {
        assertError(anonymous().when().delete(BASE + "/requests.xml"), "xml", 400, "method");
        assertError(anonymous().when().put(BASE + "/services.json"), "json", 400, "method");
        assertError(anonymous().contentType("text/plain").body("api_key=x").when().post(BASE + "/requests.xml"),
                "xml", 400, "x-www-form-urlencoded");
        assertError(anonymous().contentType("application/json").when().post(BASE + "/requests.json"), "json", 400,
                "x-www-form-urlencoded");
    }

    @Test
    void aBodyThatIsNoFormIsABadRequest() {
        for (String format : List.of("json", "xml")) {
            Response answer = anonymous().contentType(FORM).body("api_key=%zz&service_code=sewer-blockage")
                    .when().post(BASE + "/requests." + format);
            assertError(answer, format, 400, "x-www-form-urlencoded");
        }
    }

    @Test
    void aBodyOverTheLimitIsABadRequestInTheSpecsFormat() {
        String big = "description=" + "x".repeat(300 * 1024);
        for (String format : List.of("json", "xml")) {
            assertError(anonymous().contentType(FORM).body(big).when().post(BASE + "/requests." + format), format, 400,
                    "256 KB");
        }
    }

    @Test
    void theAcceptHeaderDoesNotChooseTheFormat() {
        anonymous().accept("text/html").when().get(BASE + "/services.json").then().statusCode(200).contentType(JSON);
        Response xmlAnswer = anonymous().accept("application/json").when().get(BASE + "/services.xml");
        xmlAnswer.then().statusCode(200);
        assertThat(xml(xmlAnswer).getDocumentElement().getNodeName()).isEqualTo("services");
    }

    @Test
    void theStaffApiKeepsProblemJson() {
        anonymous().when().get("/api/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
