package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.communitydesk.support.SignInAsAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's three stories (大同日报), end to end through the HTTP API. */
@QuarkusTest
class SeedStoriesTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** 北馨园社区: a 宏安小区 resident calls; the dredging team finds grease build-up and clears it. */
    @Test
    void hongAnSewerBlockageIsClearedByTheDredgingTeam() throws Exception {
        // The clock is stopped and stepped, so that each milestone's time is known to the second.
        Instant called = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(called);
        Map<String, Object> call = intake("sewer-blockage", "beixinyuan", "hongan");
        call.put("description", "宏安小区2号楼污水管道外溢");
        String code = create(call).then().statusCode(201)
                .body("status", equalTo("REPORTED"))
                .body("priority", equalTo("NORMAL"))
                .body("location.streetOffice.code", equalTo("yingbin"))
                .body("location.site.nameZh", equalTo("宏安小区"))
                .body("reportCount", equalTo(1))
                .extract().path("code");
        assertThat(code).matches("CD-\\d{4}-\\d{6}");

        JsonPath reported = get(code).then().statusCode(200).extract().jsonPath();
        Instant reportedAt = Instant.parse(reported.getString("reportedAt"));
        assertThat(Duration.between(reportedAt, Instant.parse(reported.getString("dueAt")))).isEqualTo(Duration.ofHours(48));
        assertThat(Duration.between(reportedAt, Instant.parse(reported.getString("dispatchDueAt")))).isEqualTo(Duration.ofHours(4));

        assertThat(reportedAt).isEqualTo(called);

        clock.freezeAt(called.plus(Duration.ofMinutes(25).plusSeconds(12)));
        move(code, "dispatch", dispatchBody("tongda-dredging")).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("leadOrganization.code", equalTo("tongda-dredging"))
                .body("secondsToDispatch", equalTo(25 * 60 + 12));
        clock.freezeAt(called.plus(Duration.ofHours(1)));
        // A move without a body sends {} as JSON, as with curl -H 'Content-Type: application/json' -d '{}'; without
        // the Content-Type it is refused (415), as a cross-site request would be (RestAssured would add one).
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (SignInAsAdmin.ADMIN + ":" + SignInAsAdmin.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bare = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("api/tickets/" + code + "/start")).header("Authorization", basic)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(415);
        HttpResponse<String> started = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("api/tickets/" + code + "/start")).header("Authorization", basic)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(JsonPath.from(started.body()).getString("status")).isEqualTo("IN_PROGRESS");
        given().contentType(ContentType.JSON).body(Map.of("text", "逐一打开污水井，检查堵塞点位", "visibility", "PUBLIC"))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(201).body("type", equalTo("NOTE"));
        clock.freezeAt(called.plus(Duration.ofHours(3).plusSeconds(5)));
        move(code, "resolve", Map.of("resolution", "清理油块、沙石块，疏通堵塞点", "rootCause", "家庭油污结块"))
                .then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("rootCause", equalTo("家庭油污结块"))
                .body("secondsToResolve", equalTo(3 * 3600 + 5));
        clock.freezeAt(called.plus(Duration.ofDays(1)));
        move(code, "close", null).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo(called.plus(Duration.ofDays(1)).toString()))
                .body("secondsToClose", equalTo(86400))
                .body("allowedActions", contains("reopen"));

        given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .body("type", contains("REPORTED", "DISPATCHED", "STARTED", "NOTE", "RESOLVED", "CLOSED"))
                .body("toStatus", contains("REPORTED", "DISPATCHED", "IN_PROGRESS", "IN_PROGRESS", "RESOLVED", "CLOSED"));
    }

    /** 振兴街社区: 建筑三公司家属院's well overflows again; three agencies clear seven wells together. */
    @Test
    void jianzhuOverflowTakesThreeAgencies() {
        String earlier = create(intake("sewage-overflow", "zhenxingjie", "jianzhu-no3")).then().statusCode(201)
                .extract().path("code");
        Map<String, Object> call = intake("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        call.put("description", "建筑三公司家属院附近污水井外溢");
        String code = create(call).then().statusCode(201)
                .body("priority", equalTo("URGENT"))
                .body("possibleDuplicates.code", hasItem(earlier))
                .extract().path("code");
        // The first ticket turns out to be the same problem: its caller is counted on the kept ticket.
        move(earlier, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", code)).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("duplicateOf", equalTo(code));
        given().contentType(ContentType.JSON)
                .body(Map.of("reporter", Map.of("name", "周女士", "phone", "13903520005"), "channel", "PHONE",
                        "note", "同一处污水井"))
                .when().post("/api/tickets/{code}/reports", code).then().statusCode(200).body("reportCount", equalTo(2));

        move(code, "dispatch", dispatchBody("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement"))
                .then().statusCode(200)
                .body("assignments.organization.code",
                        containsInAnyOrder("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement"))
                .body("assignments.findAll { it.role == 'LEAD' }.organization.code", contains("datong-sewage"))
                .body("leadOrganization.nameZh", equalTo("大同市政排污所"));
        move(code, "start", null).then().statusCode(200);
        move(code, "resolve", Map.of("resolution", "疏通7口污水井及百余米堵塞管道", "rootCause", "住改商下水管道无人清理"))
                .then().statusCode(200).body("status", equalTo("RESOLVED"));

        List<String> types = given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().jsonPath().getList("type");
        assertThat(types).containsExactly("REPORTED", "REPORT_ADDED", "DISPATCHED", "STARTED", "RESOLVED");
    }

    /** 西花园街道: 中瑞物业 stops 槐园北区's lift; the street office settles it in a mediation meeting. */
    @Test
    void huaiyuanLiftAndDisputeAreSettled() {
        String lift = create(intake("lift-outage", "huaiyuan", "huaiyuan-north")).then().statusCode(201)
                .body("location.streetOffice.code", equalTo("xihuayuan"))
                .extract().path("code");
        move(lift, "dispatch", dispatchBody("zhongrui-property")).then().statusCode(200);
        move(lift, "start", null).then().statusCode(200);

        String dispute = create(intake("property-dispute", "huaiyuan", "huaiyuan-north")).then().statusCode(201)
                .body("priority", equalTo("LOW"))
                .extract().path("code");
        move(dispute, "dispatch", dispatchBody("zhongrui-property")).then().statusCode(200);
        move(dispute, "start", Map.of("note", "街道二楼会议室约谈物业、社区干部和居民代表")).then().statusCode(200);
        move(dispute, "resolve", Map.of("resolution", "调解两小时，各方达成共识")).then().statusCode(200);
        move(lift, "resolve", Map.of("resolution", "物业恢复电梯运行")).then().statusCode(200);
        move(lift, "close", null).then().statusCode(200);

        given().queryParam("organization", "zhongrui-property").queryParam("status", "RESOLVED,CLOSED")
                .queryParam("size", 200)
                .when().get("/api/tickets").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems(lift, dispute));
        given().when().get("/api/tickets/{code}/events", dispute).then().statusCode(200)
                .body("find { it.type == 'NOTE' }.visibility", equalTo("INTERNAL"));
    }
}
