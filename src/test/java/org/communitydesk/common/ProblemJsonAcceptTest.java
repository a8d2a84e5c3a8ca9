package org.communitydesk.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a client generated from the spec sends the error media type in Accept too (a Python client sent
 * {@code Accept: application/problem+json} alone, and got 406 on every ticket operation). A problem+json is
 * JSON, so any Accept that takes it is answered with JSON; an Accept that takes no JSON at all still gets 406.
 */
@QuarkusTest
class ProblemJsonAcceptTest {

    static final List<String> ACCEPTING_JSON = List.of("application/problem+json", "*/*",
            "application/problem+json, application/json", "application/problem+json;q=0.9", "application/*");

    @Test
    void readsAndMovesAnswerJsonToEveryAcceptThatTakesProblemJson() {
        String code = TicketApi.createTicket();
        for (String accept : ACCEPTING_JSON) {
            given().accept(accept).when().get("/api/tickets/{code}", code)
                    .then().statusCode(200).contentType(startsWith("application/json")).body("code", equalTo(code));
            given().accept(accept).when().get("/api/areas")
                    .then().statusCode(200).contentType(startsWith("application/json"));
            given().accept(accept).when().get("/api/tickets/{code}/events", code)
                    .then().statusCode(200).contentType(startsWith("application/json"));
        }
        given().accept("application/problem+json").contentType(ContentType.JSON)
                .body(TicketApi.dispatchBody("tongda-dredging"))
                .when().post("/api/tickets/{code}/dispatch", code)
                .then().statusCode(200).contentType(startsWith("application/json")).body("status", equalTo("DISPATCHED"));
        // An error still answers problem+json, whatever JSON type was asked for.
        given().accept("application/problem+json").contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/tickets/{code}/close", code)
                .then().statusCode(409).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("currentStatus", equalTo("DISPATCHED"));
    }

    @Test
    void anAcceptWithoutJsonIsStillRefused() {
        given().accept("text/html").when().get("/api/areas")
                .then().statusCode(406).contentType(startsWith(Problem.MEDIA_TYPE));
        given().accept("application/problem+json;q=0, text/html").when().get("/api/areas")
                .then().statusCode(406).contentType(startsWith(Problem.MEDIA_TYPE));
    }
}
