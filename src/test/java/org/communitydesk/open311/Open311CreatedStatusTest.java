package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST requests answers 201 when the installation asks for it (communitydesk.open311.created-status=201). */
@QuarkusTest
@TestProfile(Open311CreatedStatusTest.Answers201.class)
class Open311CreatedStatusTest {

    public static class Answers201 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("communitydesk.open311.created-status", "201");
        }
    }

    @Test
    void postAnswers201WithTheSameBodyAndLocation() {
        Response answer = post("json", form(issueKey("201 应用", false), "井盖下面堵了"));
        answer.then().statusCode(201).contentType(Open311Api.JSON);
        String code = answer.jsonPath().getString("[0].service_request_id");
        assertThat(answer.header("Location")).endsWith("/open311/v2/requests/" + code + ".json");
    }
}
