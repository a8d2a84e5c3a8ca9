package org.communitydesk.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builders that go through the real HTTP API, so every ticket a test uses was made
 * the way a client would make it. Each call returns the RestAssured response for further checks.
 */
public final class TicketApi {

    private TicketApi() {
    }

    /** A phone call about {@code category} at a site of a community; the caller's details are made up per call. */
    public static Map<String, Object> intake(String category, String community, String site) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("communityCode", community);
        if (site != null) {
            location.put("siteCode", site);
        }
        location.put("addressDetail", "2号楼");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", category);
        body.put("description", "测试：" + category + " @ " + community);
        body.put("channel", "PHONE");
        body.put("reporter", Map.of("name", "测试居民", "phone", "13900000000"));
        body.put("location", location);
        return body;
    }

    public static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/tickets");
    }

    /** Creates a ticket and returns its tracking code. */
    public static String createTicket(String category, String community, String site) {
        return create(intake(category, community, site)).then().statusCode(201).extract().path("code");
    }

    /** A sewer blockage at 宏安小区 (北馨园社区), the seed's first story. */
    public static String createTicket() {
        return createTicket("sewer-blockage", "beixinyuan", "hongan");
    }

    public static Response get(String code) {
        return given().when().get("/api/tickets/{code}", code);
    }

    public static Response move(String code, String action, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/tickets/{code}/{action}", code, action);
    }

    public static Map<String, Object> dispatchBody(String lead, String... support) {
        List<Map<String, String>> assignments = new java.util.ArrayList<>();
        assignments.add(Map.of("organizationCode", lead, "role", "LEAD"));
        for (String organization : support) {
            assignments.add(Map.of("organizationCode", organization, "role", "SUPPORT"));
        }
        return Map.of("assignments", assignments);
    }

    /** A body that the given action accepts, for state-machine walks. */
    public static Object validBodyFor(String action) {
        return switch (action) {
            case "dispatch" -> dispatchBody("tongda-dredging");
            case "resolve" -> Map.of("resolution", "清理油污结块，疏通管道", "rootCause", "油污结块");
            case "cancel" -> Map.of("reason", "WITHDRAWN");
            case "reopen" -> Map.of("reason", "居民反映仍然堵塞");
            // The administrator records the acceptance of the organization that validBodyFor("dispatch") names.
            case "accept" -> Map.of("organizationCode", "tongda-dredging");
            case "return" -> Map.of("reason", "NOT_OUR_JURISDICTION", "comment", "不属于本单位职责");
            // Later than any category's due time of a ticket reported now, and within 90 days of it.
            case "request-extension" -> Map.of("requestedDueAt",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    "reason", "需更换管段，配件预计下周到货");
            case "reject-extension" -> Map.of("note", "现有时限足够，请按时办结");
            case "urge" -> Map.of("note", "已临近时限，请抓紧处理");
            case "pause" -> Map.of("reason", "WAITING_FOR_RESIDENT");
            default -> Map.of();
        };
    }

    /** Moves a ticket along the given actions with valid bodies, checking each answers 200. */
    public static void walk(String code, String... actions) {
        for (String action : actions) {
            move(code, action, validBodyFor(action)).then().statusCode(200);
        }
    }
}
