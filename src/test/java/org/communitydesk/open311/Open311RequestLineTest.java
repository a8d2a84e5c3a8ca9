package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.BASE;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.jsonCodes;
import static org.communitydesk.open311.Open311Api.xmlCodes;
import static org.communitydesk.open311.Open311ErrorsTest.assertError;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * The request line: a list of 1000 service_request_id values (the call FixMyStreet makes to refresh every
 * report it sent) fits, and a longer line gets the spec's error list in the path's format, not an empty 414.
 */
@QuarkusTest
class Open311RequestLineTest {

    @Test
    void aThousandIdsByGetFindTheRequests() {
        String first = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        String second = TicketApi.createTicket("street-light", "yujinyuan", null);
        List<String> ids = new ArrayList<>(List.of(first, second));
        for (int i = ids.size(); i < 1000; i++) {
            ids.add(String.format("CD-1999-%06d", i));
        }
        String list = String.join(",", ids);
        // Commas sent encoded (%2C), as Perl's URI and most clients send them: about 17 KB of request line.
        assertThat(list.length() + 2 * 999).isGreaterThan(16_000);

        assertThat(jsonCodes(anonymous().queryParam("service_request_id", list).when().get(BASE + "/requests.json")))
                .containsExactlyInAnyOrder(first, second);
        assertThat(xmlCodes(anonymous().queryParam("service_request_id", list).when().get(BASE + "/requests.xml")))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aLineOverTheLimitGetsTheSpecsErrorInThePathsFormat() {
        String tooMany = "CD-2026-000011,".repeat(2500);
        for (String format : List.of("json", "xml")) {
            Response answer = anonymous().queryParam("service_request_id", tooMany).when()
                    .get(BASE + "/requests." + format);
            assertError(answer, format, 400, "request line");
        }
        // Far over it (200 KB, still under Vert.x's own 256 KB cut-off), the same answer.
        assertError(anonymous().queryParam("service_request_id", "CD-2026-000011,".repeat(13_000)).when()
                .get(BASE + "/requests.xml"), "xml", 400, "request line");
        // No format in the path: JSON, the spec's default here.
        assertError(anonymous().queryParam("service_request_id", tooMany).when().get(BASE + "/requests"), "json", 400,
                "request line");
    }

    @Test
    void aLineOverTheLimitElsewhereIsAProblem() {
        anonymous().queryParam("q", "x".repeat(40_000)).when().get("/api/sites").then().statusCode(414)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(414));
    }
}
