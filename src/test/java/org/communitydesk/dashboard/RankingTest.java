package org.communitydesk.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit ranking (考核) over a small data set worked out by hand, with weights 20/30/50 from the test profile's
 * configuration (not the default 30/35/35), on a database of its own. Times are UTC; the installation's zone is
 * Asia/Shanghai, so the period 2026-06-01..2026-06-15 runs from 2026-05-31T16:00Z to 2026-06-15T16:00Z.
 *
 * <pre>
 * T1 sewer-blockage  北馨园  tongda     rep 06-01 02:00 disp +1h (due 4h: in time) resolved +24h (due 48h)  rated 5, resolved
 *                                      accepted +10 min (in target)
 * T2 sewer-blockage  北馨园  tongda     rep 06-03 02:00 disp +6h (late)  resolved 06-06 02:00: after the original due
 *                                      06-05 02:00, before the approved 06-07 02:00 (extension APPROVED); no rating,
 *                                      over 7 days: undisputed; accepted +3h (late)
 * T3 sewage-overflow 振兴街  datong     rep 06-10 00:00 disp +30m (due 1h: in time) resolved +4h; under 7 days, unrated;
 *                                      accepted +10 min; reopen_count 1
 * T4 sewage-overflow 振兴街  datong     rep 06-12 00:00 disp +2h (late) resolved +10h; unrated; accepted +40 min (late);
 *                                      extension REJECTED and one pending; urged twice
 * T5 sewer-blockage  振兴街  (no lead)  rep 06-14 00:00 not dispatched, dispatch due passed; returned by tongda
 * T6 street-light    振兴街  (no lead)  rep 06-13 00:00 cancelled
 * T7 sewer-blockage  槐园    zhongrui   rep 06-05 00:00 disp +1h resolved +20h; undisputed; accepted +5 min; urged once
 * T8 sewer-blockage  北馨园  tongda     rep 05-20 00:00, before the period: its urging is not counted
 * now = 2026-06-15T04:00Z
 * </pre>
 */
@QuarkusTest
@TestProfile(RankingTest.OwnDatabase.class)
public class RankingTest {

    /** An empty database of its own and weights that are not the default ones. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-ranking;DB_CLOSE_DELAY=-1",
                    "communitydesk.ranking.weights.response", "20",
                    "communitydesk.ranking.weights.resolution", "30",
                    "communitydesk.ranking.weights.satisfaction", "50");
        }
    }

    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");
    static final double W_RESPONSE = 20;
    static final double W_RESOLUTION = 30;
    static final double W_SATISFACTION = 50;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    private static boolean loaded;

    @BeforeEach
    void dataSet() {
        if (loaded) {
            at(NOW);
            return;
        }
        String t1 = ticket("sewer-blockage", "beixinyuan", "hongan", "2026-06-01T02:00:00Z");
        String accessCodeOfT1 = lastAccessCode;
        walk(t1, "tongda-dredging", "2026-06-01T03:00:00Z", "2026-06-02T02:00:00Z");
        at(Instant.parse("2026-06-03T00:00:00Z"));
        given().auth().none().contentType(ContentType.JSON).header("X-Access-Code", accessCodeOfT1)
                .body(Map.of("rating", 5, "resolved", true))
                .when().post("/api/public/tickets/{code}/feedback", t1).then().statusCode(200);

        String t2 = ticket("sewer-blockage", "beixinyuan", "hongan", "2026-06-03T02:00:00Z");
        walk(t2, "tongda-dredging", "2026-06-03T08:00:00Z", "2026-06-06T02:00:00Z");
        String t3 = ticket("sewage-overflow", "zhenxingjie", "jianzhu-no3", "2026-06-10T00:00:00Z");
        walk(t3, "datong-sewage", "2026-06-10T00:30:00Z", "2026-06-10T04:00:00Z");
        String t4 = ticket("sewage-overflow", "zhenxingjie", "jianzhu-no3", "2026-06-12T00:00:00Z");
        walk(t4, "datong-sewage", "2026-06-12T02:00:00Z", "2026-06-12T10:00:00Z");
        String t5 = ticket("sewer-blockage", "zhenxingjie", "jianzhu-no3", "2026-06-14T00:00:00Z");
        String t6 = ticket("street-light", "zhenxingjie", null, "2026-06-13T00:00:00Z");
        move(t6, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);
        String t7 = ticket("sewer-blockage", "huaiyuan", "huaiyuan-north", "2026-06-05T00:00:00Z");
        walk(t7, "zhongrui-property", "2026-06-05T01:00:00Z", "2026-06-05T21:00:00Z");
        String t8 = ticket("sewer-blockage", "beixinyuan", "hongan", "2026-05-20T00:00:00Z");

        // The steps the other branches record, as rows in the shared tables (V28) with known figures.
        QuarkusTransaction.requiringNew().run(() -> {
            accepted(t1, "2026-06-01T03:10:00Z");
            accepted(t2, "2026-06-03T11:00:00Z");
            accepted(t3, "2026-06-10T00:40:00Z");
            accepted(t4, "2026-06-12T02:40:00Z");
            accepted(t7, "2026-06-05T01:05:00Z");
            sql("update ticket set original_due_at = due_at, due_at = :due where code = :code",
                    Map.of("due", Instant.parse("2026-06-07T02:00:00Z"), "code", t2));
            sql("update ticket set reopen_count = 1 where code = :code", Map.of("code", t3));
            sql("insert into ticket_return (ticket_id, organization_id, reason, returned_at, returned_by)"
                    + " values (" + ticketId(t5) + ", " + organizationId("tongda-dredging")
                    + ", 'WRONG_ADDRESS', :at, 'crew')", Map.of("at", Instant.parse("2026-06-14T01:00:00Z")));
            extension(t2, "tongda-dredging", "'APPROVED'");
            extension(t4, "datong-sewage", "'REJECTED'");
            extension(t4, "datong-sewage", "null");
            urging(t4, "datong-sewage");
            urging(t4, "datong-sewage");
            urging(t7, "zhongrui-property");
            urging(t8, "tongda-dredging");
        });
        loaded = true;
        at(NOW);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The score as the README defines it: the weighted mean of the rates counted, in percent, to 0.01. */
    private static double score(Double response, Double resolution, Double satisfaction) {
        double sum = 0;
        double weights = 0;
        if (response != null) {
            sum += W_RESPONSE * response;
            weights += W_RESPONSE;
        }
        if (resolution != null) {
            sum += W_RESOLUTION * resolution;
            weights += W_RESOLUTION;
        }
        if (satisfaction != null) {
            sum += W_SATISFACTION * satisfaction;
            weights += W_SATISFACTION;
        }
        return Math.round(sum / weights * 10000) / 100.0;
    }

    private static JsonPath ranking(io.restassured.specification.RequestSpecification request) {
        return request.queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/api/stats/ranking").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void organizationsAreRankedByTheWeightedScoreFromTheConfiguration() {
        JsonPath json = ranking(given());
        assertThat(json.getDouble("weights.response")).isEqualTo(20.0);
        assertThat(json.getDouble("weights.resolution")).isEqualTo(30.0);
        assertThat(json.getDouble("weights.satisfaction")).isEqualTo(50.0);
        // zhongrui: 1/1 responded, 1/1 confirmed, no rating -> (20*1 + 30*1) / 50 = 100.
        // tongda: 1/2 responded, 2/2 confirmed, 1/1 satisfied -> (20*0.5 + 30 + 50) / 100 = 90.
        // datong: 1/2 responded, 0/2 confirmed (both under 7 days, unrated), no rating -> (20*0.5 + 0) / 50 = 20.
        assertThat(json.getList("organizations.unit.code")).containsExactly("zhongrui-property", "tongda-dredging",
                "datong-sewage");
        assertThat(json.getList("organizations.rank")).containsExactly(1, 2, 3);
        assertThat(json.getDouble("organizations[0].score")).isEqualTo(score(1.0, 1.0, null)).isEqualTo(100.0);
        assertThat(json.getDouble("organizations[1].score")).isEqualTo(score(0.5, 1.0, 1.0)).isEqualTo(90.0);
        assertThat(json.getDouble("organizations[2].score")).isEqualTo(score(0.5, 0.0, null)).isEqualTo(20.0);

        Map<String, Object> tongda = json.getMap("organizations[1]");
        assertThat(tongda).containsEntry("tickets", 2).containsEntry("returns", 1)
                .containsEntry("extensionsRequested", 1).containsEntry("extensionsApproved", 1)
                .containsEntry("urgings", 0).containsEntry("reopenings", 0);
        assertThat(json.getInt("organizations[1].responseRate.part")).isEqualTo(1);
        assertThat(json.getInt("organizations[1].responseRate.whole")).isEqualTo(2);
        assertThat(json.getInt("organizations[1].satisfactionRate.whole")).isEqualTo(1);
        // T1 accepted 10 minutes into a 60-minute target, T2 three hours after its dispatch: 1 of 2.
        assertThat(json.getInt("organizations[1].acceptedWithinTarget.part")).isEqualTo(1);
        assertThat(json.getInt("organizations[1].acceptedWithinTarget.whole")).isEqualTo(2);
        // T2 was resolved after its original due time and before the approved one.
        assertThat(json.getInt("organizations[1].resolvedOnTimeOriginal.part")).isEqualTo(1);
        assertThat(json.getInt("organizations[1].resolvedOnTimeApproved.part")).isEqualTo(2);
        assertThat(json.getInt("organizations[1].resolvedOnTimeApproved.whole")).isEqualTo(2);

        Map<String, Object> datong = json.getMap("organizations[2]");
        assertThat(datong).containsEntry("returns", 0).containsEntry("extensionsRequested", 2)
                .containsEntry("extensionsApproved", 0).containsEntry("urgings", 2).containsEntry("reopenings", 1);
        assertThat(json.getInt("organizations[2].acceptedWithinTarget.part")).isEqualTo(1);
        assertThat(json.getInt("organizations[2].acceptedWithinTarget.whole")).isEqualTo(2);
        // T8's urging is on a ticket reported before the period.
        assertThat(json.getInt("organizations[0].urgings")).isEqualTo(1);
    }

    @Test
    void aMissingSatisfactionRateIsLeftOutNotCountedAsFullOrEmpty() {
        JsonPath json = ranking(given());
        // datong has no rating: its satisfaction rate has no share, and its score is not (20*0.5 + 0 + 50*1)/100 = 60
        // (counted as 100%) nor (20*0.5)/100 = 10 (counted as 0%), but 20.
        assertThat(json.getInt("organizations[2].satisfactionRate.whole")).isZero();
        assertThat((Object) json.get("organizations[2].satisfactionRate.share")).isNull();
        assertThat(json.getDouble("organizations[2].score")).isEqualTo(20.0);
        // A unit with no rate counted at all gets no score and ranks last (T5's return makes none such here).
        assertThat(RankingService.score(new StatsViews.RankingWeights(20, 30, 50), StatsViews.Rate.of(0, 0),
                StatsViews.Rate.of(0, 0), StatsViews.Rate.of(0, 0))).isNull();
        // A weight of 0 leaves its rate out even when it is counted.
        assertThat(RankingService.score(new StatsViews.RankingWeights(0, 1, 1), StatsViews.Rate.of(0, 4),
                StatsViews.Rate.of(1, 2), StatsViews.Rate.of(1, 1))).isEqualTo(75.0);
    }

    @Test
    void communitiesAndTheOverallLine() {
        JsonPath json = ranking(given());
        // 槐园 100; 北馨园 as tongda, 90; 振兴街: 1/3 responded (T3 of T3, T4, T5), 0/3 confirmed, no rating
        // -> (20/3) / 50 = 13.33.
        assertThat(json.getList("communities.unit.code")).containsExactly("huaiyuan", "beixinyuan", "zhenxingjie");
        assertThat(json.getDouble("communities[2].score")).isEqualTo(score(1.0 / 3, 0.0, null)).isEqualTo(13.33);
        assertThat(json.getInt("communities[2].tickets")).isEqualTo(4);
        assertThat(json.getInt("communities[2].returns")).isEqualTo(1);
        assertThat(json.getInt("communities[2].extensionsRequested")).isEqualTo(2);
        assertThat(json.getInt("communities[2].urgings")).isEqualTo(2);
        // All: 7 tickets; resolved T1, T2, T3, T4, T7; by the approved due time all 5, by the original 4 (not T2).
        assertThat(json.getInt("overall.tickets")).isEqualTo(7);
        assertThat(json.getInt("overall.rank")).isZero();
        assertThat((Object) json.get("overall.unit")).isNull();
        assertThat(json.getInt("overall.resolvedOnTimeOriginal.part")).isEqualTo(4);
        assertThat(json.getInt("overall.resolvedOnTimeOriginal.whole")).isEqualTo(5);
        assertThat(json.getInt("overall.resolvedOnTimeApproved.part")).isEqualTo(5);
        assertThat(json.getInt("overall.urgings")).isEqualTo(3);
        assertThat(json.getInt("overall.extensionsApproved")).isEqualTo(1);
        // The overall response rate is the summary's: the same SQL.
        given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").when().get("/api/stats/summary")
                .then().statusCode(200)
                .body("responseRate.part", equalTo(json.getInt("overall.responseRate.part")))
                .body("responseRate.whole", equalTo(json.getInt("overall.responseRate.whole")))
                .body("resolvedWithinSla.part", equalTo(json.getInt("overall.resolvedOnTimeApproved.part")))
                .body("acceptedWithinTarget.whole", equalTo(json.getInt("overall.acceptedWithinTarget.whole")));
    }

    @Test
    void aSupervisorSeesItsOwnStreetOfficeOnly() {
        var supervisor = TestUsers.supervisor("rank-supervisor", "yingbin");
        JsonPath json = ranking(supervisor.request());
        // 槐园 (T7) and zhongrui are in another street office.
        assertThat(json.getList("organizations.unit.code")).containsExactly("tongda-dredging", "datong-sewage");
        assertThat(json.getList("communities.unit.code")).containsExactly("beixinyuan", "zhenxingjie");
        assertThat(json.getInt("overall.tickets")).isEqualTo(6);
        assertThat(json.getInt("overall.urgings")).isEqualTo(2);
        supervisor.request().queryParam("streetOffice", "xihuayuan").when().get("/api/stats/ranking").then()
                .statusCode(403).contentType("application/problem+json");
        supervisor.request().queryParam("streetOffice", "xihuayuan").when().get("/dashboard/ranking.csv").then()
                .statusCode(403);
        given().queryParam("from", "2026-13-01").when().get("/api/stats/ranking").then().statusCode(400)
                .contentType("application/problem+json");
        TestUsers.contractor("rank-crew", "tongda-dredging").request().when().get("/api/stats/ranking").then()
                .statusCode(403);
        given().auth().none().when().get("/api/stats/ranking").then().statusCode(401);
        // A community filter narrows it as it narrows the summary.
        given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").queryParam("community", "beixinyuan")
                .when().get("/api/stats/ranking").then().statusCode(200)
                .body("communities.unit.code", contains("beixinyuan"))
                .body("organizations.unit.code", contains("tongda-dredging"));
    }

    @Test
    void theCsvCarriesTheSameFiguresAsTheJson() throws Exception {
        JsonPath json = ranking(given());
        Response csv = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/dashboard/ranking.csv");
        csv.then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                org.hamcrest.Matchers.containsString("communitydesk-ranking-2026-06-01-2026-06-15.csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(1 + 3 + 3);
        Map<String, Map<String, Object>> units = new HashMap<>();
        units.put("overall/", json.getMap("overall"));
        for (String list : List.of("organizations", "communities")) {
            List<Map<String, Object>> items = json.getList(list);
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> unit = (Map<String, Object>) item.get("unit");
                units.put(list.replace("ies", "y").replace("ions", "ion") + "/" + unit.get("code"), item);
            }
        }
        for (CSVRecord r : records) {
            Map<String, Object> u = units.get(r.get(0) + "/" + r.get(2));
            assertThat(u).as("the JSON has the CSV's line %s", r).isNotNull();
            assertThat(r.get("排名 rank")).isEqualTo(u.get("rank").toString());
            assertThat(r.get("工单数 tickets")).isEqualTo(u.get("tickets").toString());
            assertThat(r.get("综合得分 score")).isEqualTo(u.get("score") == null ? ""
                    : String.format(Locale.ROOT, "%.2f", ((Number) u.get("score")).doubleValue()));
            assertThat(r.get("响应 responded in time")).isEqualTo(part(u, "responseRate"));
            assertThat(r.get("响应基数 response counted")).isEqualTo(whole(u, "responseRate"));
            assertThat(r.get("解决 confirmed resolved")).isEqualTo(part(u, "resolutionRate"));
            assertThat(r.get("解决基数 resolution counted")).isEqualTo(whole(u, "resolutionRate"));
            assertThat(r.get("满意 satisfied")).isEqualTo(part(u, "satisfactionRate"));
            assertThat(r.get("评价数 rated")).isEqualTo(whole(u, "satisfactionRate"));
            assertThat(r.get("按时签收 accepted within target")).isEqualTo(part(u, "acceptedWithinTarget"));
            assertThat(r.get("应签收 due to be accepted")).isEqualTo(whole(u, "acceptedWithinTarget"));
            assertThat(r.get("退单 returns")).isEqualTo(u.get("returns").toString());
            assertThat(r.get("延期申请 extensions requested")).isEqualTo(u.get("extensionsRequested").toString());
            assertThat(r.get("延期批准 extensions approved")).isEqualTo(u.get("extensionsApproved").toString());
            assertThat(r.get("督办 urgings")).isEqualTo(u.get("urgings").toString());
            assertThat(r.get("重开 reopenings")).isEqualTo(u.get("reopenings").toString());
            assertThat(r.get("按原期限办结 resolved by original due")).isEqualTo(part(u, "resolvedOnTimeOriginal"));
            assertThat(r.get("按批准期限办结 resolved by approved due")).isEqualTo(part(u, "resolvedOnTimeApproved"));
            assertThat(r.get("已办结 resolved")).isEqualTo(whole(u, "resolvedOnTimeApproved"));
        }
    }

    @Test
    void theDashboardShowsTheWeightsTheDefinitionsAndBothOnTimeFigures() {
        String zh = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").queryParam("lang", "zh")
                .when().get("/dashboard").then().statusCode(200).extract().asString();
        assertThat(zh).contains("单位考核排名", "响应率 × 20 + 解决率 × 30 + 满意率 × 50", "既不算 0% 也不算 100%",
                "按原期限办结率", "按批准期限办结率", "id=\"rate-on-time-original\">80.0%<",
                "id=\"rate-on-time-approved\">100.0%<", "data-unit=\"zhongrui-property\"", "/dashboard/ranking.csv?from=2026-06-01");
        String en = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").queryParam("lang", "en")
                .when().get("/dashboard").then().statusCode(200).extract().asString();
        assertThat(en).contains("Unit ranking", "response rate × 20 + resolution rate × 30 + satisfaction rate × 50",
                "Resolved by the original due time", "Resolved by the approved due time", "neither 0% nor 100%");
    }

    private static String part(Map<String, Object> unit, String rate) {
        return ((Map<?, ?>) unit.get(rate)).get("part").toString();
    }

    private static String whole(Map<String, Object> unit, String rate) {
        return ((Map<?, ?>) unit.get(rate)).get("whole").toString();
    }

    // --- Data -------------------------------------------------------------------------------------------------

    private static String lastAccessCode;

    private void at(Instant instant) {
        clock.freezeAt(instant);
    }

    private String ticket(String category, String community, String site, String reportedAt) {
        at(Instant.parse(reportedAt));
        Response created = create(intake(category, community, site));
        created.then().statusCode(201);
        lastAccessCode = created.path("accessCode");
        return created.path("code");
    }

    /** Dispatches to one lead, starts at once and resolves at its time. */
    private void walk(String code, String lead, String dispatchedAt, String resolvedAt) {
        at(Instant.parse(dispatchedAt));
        move(code, "dispatch", dispatchBody(lead)).then().statusCode(200);
        move(code, "start", null).then().statusCode(200);
        at(Instant.parse(resolvedAt));
        move(code, "resolve", Map.of("resolution", "已处理")).then().statusCode(200);
    }

    private void sql(String statement, Map<String, Object> params) {
        var query = em.createNativeQuery(statement);
        params.forEach(query::setParameter);
        query.executeUpdate();
    }

    private long ticketId(String code) {
        return ((Number) em.createNativeQuery("select id from ticket where code = :code").setParameter("code", code)
                .getSingleResult()).longValue();
    }

    private long organizationId(String code) {
        return ((Number) em.createNativeQuery("select id from organization where code = :code")
                .setParameter("code", code).getSingleResult()).longValue();
    }

    private void accepted(String code, String at) {
        sql("update ticket_assignment set accepted_at = :at where ticket_id = " + ticketId(code),
                Map.of("at", Instant.parse(at)));
    }

    private void extension(String code, String organization, String decision) {
        sql("insert into ticket_extension (ticket_id, organization_id, requested_at, requested_by, due_at_before,"
                + " requested_due_at, reason, decision) values (" + ticketId(code) + ", " + organizationId(organization)
                + ", :at, 'crew', :at, :later, '材料未到', " + decision + ")",
                Map.of("at", NOW.minus(Duration.ofHours(1)), "later", NOW.plus(Duration.ofDays(2))));
    }

    private void urging(String code, String organization) {
        sql("insert into ticket_urging (ticket_id, organization_id, urged_at, urged_by, note) values ("
                + ticketId(code) + ", " + organizationId(organization) + ", :at, 'supervisor', '请尽快处理')",
                Map.of("at", NOW.minus(Duration.ofHours(2))));
    }
}
