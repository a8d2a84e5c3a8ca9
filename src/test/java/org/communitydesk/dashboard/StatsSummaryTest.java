package org.communitydesk.dashboard;

import static io.restassured.RestAssured.given;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.nio.file.Path;
import org.communitydesk.support.Browser;
import org.communitydesk.support.SignInAsAdmin;
import org.communitydesk.support.TestClock;
import org.communitydesk.ticket.Ticket;
import org.openqa.selenium.By;
import org.communitydesk.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's figures over a small data set whose answers were worked out by hand (below, in
 * each assertion's comment). The database is the test's own, so nothing else is counted. Times are
 * UTC; the installation's zone is Asia/Shanghai (UTC+8), so the period 2026-06-01..2026-06-15 runs
 * from 2026-05-31T16:00Z to 2026-06-15T16:00Z.
 *
 * <pre>
 * A sewer-blockage   宏安 (北馨园)     rep 06-01 10:00  disp +1h   resolved +20h  resident: 5, resolved -> CLOSED
 * B sewer-blockage   宏安 (北馨园)     rep 06-03 10:00  disp +5h   resolved +60h  no feedback (over 7 days: undisputed)
 * C sewage-overflow  建筑三 (振兴街)   rep 06-10 00:00  disp +30m  resolved +4h   follow-up: 2, not resolved -> reopened
 * D sewage-overflow  建筑三 (振兴街)   rep 06-12 00:00  disp +2h   resolved +10h  no feedback (under 7 days)
 * E sewer-blockage   建筑三 (振兴街)   rep 06-14 00:00  not dispatched (dispatch due 04:00 has passed)
 * F street-light     振兴街 (no site)  rep 06-13 00:00  cancelled, withdrawn
 * G sewer-blockage   槐园北区 (槐园)   rep 05-20 00:00  before the period; in progress, overdue since 05-22
 * H sewage-overflow  建筑三 (振兴街)   rep 04-01 00:00  before the period; closed; third overflow there in 90 days
 * now = 2026-06-15T04:00Z
 * </pre>
 */
@QuarkusTest
@TestProfile(StatsSummaryTest.OwnDatabase.class)
class StatsSummaryTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An empty database of its own (on PostgreSQL the test resource gives each start a new one).
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-stats;DB_CLOSE_DELAY=-1");
        }
    }

    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.communitydesk.jobs.BackgroundJobs jobs;

    private static ValidatableResponse summary;
    /** A–F, reported in the period. */
    private static java.util.List<String> cohort;

    @BeforeEach
    void dataSet() {
        if (summary != null) {
            return;
        }
        String a = ticket("sewer-blockage", "beixinyuan", "hongan", "2026-06-01T10:00:00Z");
        String accessCodeOfA = lastAccessCode;
        walk(a, "tongda-dredging", "2026-06-01T11:00:00Z", "2026-06-01T12:00:00Z", "2026-06-02T06:00:00Z");
        at("2026-06-03T09:00:00Z");
        given().auth().none().contentType(ContentType.JSON).header("X-Access-Code", accessCodeOfA)
                .body(Map.of("rating", 5, "resolved", true))
                .when().post("/api/public/tickets/{code}/feedback", a).then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        String b = ticket("sewer-blockage", "beixinyuan", "hongan", "2026-06-03T10:00:00Z");
        walk(b, "tongda-dredging", "2026-06-03T15:00:00Z", "2026-06-04T08:00:00Z", "2026-06-05T22:00:00Z");

        String c = ticket("sewage-overflow", "zhenxingjie", "jianzhu-no3", "2026-06-10T00:00:00Z");
        walk(c, "datong-sewage", "2026-06-10T00:30:00Z", "2026-06-10T01:00:00Z", "2026-06-10T04:00:00Z");
        at("2026-06-11T02:00:00Z");
        move(c, "feedback", Map.of("rating", 2, "resolved", false)).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));

        String d = ticket("sewage-overflow", "zhenxingjie", "jianzhu-no3", "2026-06-12T00:00:00Z");
        walk(d, "datong-sewage", "2026-06-12T02:00:00Z", "2026-06-12T03:00:00Z", "2026-06-12T10:00:00Z");

        String e = ticket("sewer-blockage", "zhenxingjie", "jianzhu-no3", "2026-06-14T00:00:00Z");

        String f = ticket("street-light", "zhenxingjie", null, "2026-06-13T00:00:00Z");
        move(f, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);

        String g = ticket("sewer-blockage", "huaiyuan", "huaiyuan-north", "2026-05-20T00:00:00Z");
        walk(g, "zhongrui-property", "2026-05-20T02:00:00Z", "2026-05-20T03:00:00Z", null);

        String h = ticket("sewage-overflow", "zhenxingjie", "jianzhu-no3", "2026-04-01T00:00:00Z");
        walk(h, "datong-sewage", "2026-04-01T00:20:00Z", "2026-04-01T00:40:00Z", "2026-04-01T05:00:00Z");
        move(h, "close", null).then().statusCode(200);

        cohort = java.util.List.of(a, b, c, d, e, f);
        at(NOW.toString());
        summary = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/api/stats/summary").then().statusCode(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * The figures above come from the tickets (the job has not run). Once the job has stored every day's figures, the
     * same summary comes from ticket_figures, and is the same to the last field.
     */
    @Test
    void theStoredFiguresPerDayGiveTheSameSummary() {
        at(NOW.toString());
        String fromTickets = summary.extract().asString();
        assertTrue(jobs.figures().orElseThrow() > 0, "the figures job computed days");
        long stored = ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select count(*) from ticket_figures_day where report_day between"
                        + " date '2026-06-01' and date '2026-06-15'").getSingleResult())).longValue();
        assertEquals(15, stored, "every day of the period is stored");
        String fromStoredDays = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/api/stats/summary").then().statusCode(200).extract().asString();
        assertEquals(fromTickets, fromStoredDays);
    }

    @Test
    void cohortAndBacklog() {
        summary.body("period.from", equalTo("2026-06-01")).body("period.to", equalTo("2026-06-15"))
                .body("period.zone", equalTo("Asia/Shanghai"))
                // A, B, C, D, E, F were reported in the period.
                .body("reported", equalTo(6))
                // Open now: E reported, C dispatched again after the reopening, G in progress.
                .body("backlog.total", equalTo(3))
                .body("backlog.byStatus.REPORTED", equalTo(1))
                .body("backlog.byStatus.DISPATCHED", equalTo(1))
                .body("backlog.byStatus.IN_PROGRESS", equalTo(1))
                // Ages: E 28 h, C 5 days 4 h, G 26 days.
                .body("backlog.aging.underOneDay", equalTo(0))
                .body("backlog.aging.oneToThreeDays", equalTo(1))
                .body("backlog.aging.threeToSevenDays", equalTo(1))
                .body("backlog.aging.overSevenDays", equalTo(1));
    }

    @Test
    void mediansAndNinetiethPercentiles() {
        // To dispatch: 1800, 3600, 7200, 18000 s. Median (3600 + 7200) / 2 = 5400;
        // p90 at rank 0.9 × 3 = 2.7: 7200 + 0.7 × (18000 − 7200) = 14760.
        summary.body("timeToDispatch.count", equalTo(4))
                .body("timeToDispatch.medianSeconds", equalTo(5400))
                .body("timeToDispatch.p90Seconds", equalTo(14760))
                // To resolve: 36000 (D), 72000 (A), 216000 (B); C's resolution was undone by the reopening.
                // Median 72000; p90 at rank 1.8: 72000 + 0.8 × 144000 = 187200.
                .body("timeToResolve.count", equalTo(3))
                .body("timeToResolve.medianSeconds", equalTo(72000))
                .body("timeToResolve.p90Seconds", equalTo(187200));
    }

    @Test
    void perCategory() {
        summary.body("categories.category.code", contains("sewer-blockage", "sewage-overflow", "street-light"))
                .body("categories.reported", contains(3, 2, 1))
                // sewer-blockage: dispatch 3600, 18000 → median 10800, p90 3600 + 0.9 × 14400 = 16560.
                .body("categories[0].timeToDispatch.medianSeconds", equalTo(10800))
                .body("categories[0].timeToDispatch.p90Seconds", equalTo(16560))
                // resolve 72000, 216000 → median 144000, p90 72000 + 0.9 × 144000 = 201600.
                .body("categories[0].timeToResolve.medianSeconds", equalTo(144000))
                .body("categories[0].timeToResolve.p90Seconds", equalTo(201600))
                // sewage-overflow: dispatch 1800, 7200 → 4500 and 1800 + 0.9 × 5400 = 6660; resolve 36000 only.
                .body("categories[1].timeToDispatch.medianSeconds", equalTo(4500))
                .body("categories[1].timeToDispatch.p90Seconds", equalTo(6660))
                .body("categories[1].timeToResolve.medianSeconds", equalTo(36000))
                .body("categories[1].timeToResolve.p90Seconds", equalTo(36000))
                // street-light: cancelled before dispatch; no duration.
                .body("categories[2].timeToDispatch.count", equalTo(0))
                .body("categories[2].timeToDispatch.medianSeconds", nullValue());
    }

    @Test
    void theThreeHotlineRatesAndTheSlaShare() {
        // Resolved now: A, B, D; by their due time: A (20 h ≤ 48 h) and D (10 h ≤ 12 h), not B (60 h).
        summary.body("resolvedWithinSla.part", equalTo(2)).body("resolvedWithinSla.whole", equalTo(3))
                // Response: dispatched A, B, C, D plus E (past its dispatch target); F cancelled undispatched.
                // Within the target: A (1 h ≤ 4 h) and C (30 min ≤ 1 h).
                .body("responseRate.part", equalTo(2)).body("responseRate.whole", equalTo(5))
                .body("responseRate.share", equalTo(0.4f))
                // Resolution: of A–E, A was confirmed by its resident and B is undisputed after 7 days;
                // D was resolved under 7 days ago, C was disputed and reopened, E is open.
                .body("resolutionRate.part", equalTo(2)).body("resolutionRate.whole", equalTo(5))
                // Satisfaction: ratings 5 (A) and 2 (C).
                .body("satisfactionRate.part", equalTo(1)).body("satisfactionRate.whole", equalTo(2))
                .body("satisfactionRate.share", equalTo(0.5f));
    }

    @Test
    void communitiesRanked() {
        summary.body("communities.community.code", contains("beixinyuan", "zhenxingjie"))
                .body("communities.rank", contains(1, 2))
                .body("communities[0].reported", equalTo(2))
                .body("communities[0].responseRate.part", equalTo(1)).body("communities[0].responseRate.whole", equalTo(2))
                .body("communities[0].resolutionRate.part", equalTo(2)).body("communities[0].resolutionRate.whole", equalTo(2))
                .body("communities[0].satisfactionRate.part", equalTo(1)).body("communities[0].satisfactionRate.whole", equalTo(1))
                .body("communities[0].resolvedWithinSla.part", equalTo(1)).body("communities[0].resolvedWithinSla.whole", equalTo(2))
                .body("communities[0].medianSecondsToResolve", equalTo(144000))
                .body("communities[1].reported", equalTo(4))
                .body("communities[1].responseRate.part", equalTo(1)).body("communities[1].responseRate.whole", equalTo(3))
                .body("communities[1].resolutionRate.part", equalTo(0)).body("communities[1].resolutionRate.whole", equalTo(3))
                .body("communities[1].satisfactionRate.part", equalTo(0)).body("communities[1].satisfactionRate.whole", equalTo(1))
                .body("communities[1].medianSecondsToResolve", equalTo(36000));
    }

    @Test
    void organizations() {
        // tongda: A and B, resolved in 72000 and 216000 s. datong-sewage: C (reopened, overdue since
        // 06-10 12:00) and D (36000 s).
        summary.body("organizations.organization.code", contains("datong-sewage", "tongda-dredging"))
                .body("organizations[0].handled", equalTo(2))
                .body("organizations[0].medianSecondsToResolve", equalTo(36000))
                .body("organizations[0].reopened", equalTo(1))
                .body("organizations[0].overdue", equalTo(1))
                .body("organizations[1].handled", equalTo(2))
                .body("organizations[1].medianSecondsToResolve", equalTo(144000))
                .body("organizations[1].reopened", equalTo(0))
                .body("organizations[1].overdue", equalTo(0));
    }

    @Test
    void overdueListAndHotspots() {
        // Open past due: G (due 05-22) and C (urgent, due 06-10 12:00); E is due 06-16.
        summary.body("overdue.total", equalTo(2))
                .body("overdue.tickets.category.code", contains("sewer-blockage", "sewage-overflow"))
                .body("overdue.tickets.site.code", contains("huaiyuan-north", "jianzhu-no3"))
                // 建筑三公司家属院 overflowed three times in 90 days (H, C, D); 宏安's two blockages are not enough.
                .body("hotspots", hasSize(1))
                .body("hotspots[0].site.code", equalTo("jianzhu-no3"))
                .body("hotspots[0].site.nameZh", equalTo("建筑三公司家属院"))
                .body("hotspots[0].community.code", equalTo("zhenxingjie"))
                .body("hotspots[0].category.code", equalTo("sewage-overflow"))
                .body("hotspots[0].tickets", equalTo(3))
                .body("hotspots[0].lastReportedAt", equalTo("2026-06-12T00:00:00Z"));
    }

    @Test
    void weeklyTrend() {
        // Weeks from Monday 06-01, 06-08, 06-15 (local). Reported: A, B | C, D, E, F | none.
        // Resolved: A (06-02), B (06-06 local) | D | none; C's resolution was undone.
        summary.body("weekly.weekStart", contains("2026-06-01", "2026-06-08", "2026-06-15"))
                .body("weekly.reported", contains(2, 4, 0))
                .body("weekly.resolved", contains(2, 1, 0));
    }

    @Test
    void aCommunityFilterAndACommunityScopeNarrowTheFigures() {
        at(NOW.toString());
        given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").queryParam("community", "beixinyuan")
                .when().get("/api/stats/summary").then().statusCode(200)
                .body("community.code", equalTo("beixinyuan"))
                .body("reported", equalTo(2))
                .body("backlog.total", equalTo(0))
                .body("communities.community.code", contains("beixinyuan"));

        var staff = TestUsers.staff("stats-staff", "zhenxingjie");
        staff.request().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/api/stats/summary").then().statusCode(200)
                .body("reported", equalTo(4))
                .body("backlog.total", equalTo(2));
        staff.request().queryParam("community", "beixinyuan").when().get("/api/stats/summary").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSupervisorMayChooseACommunityOfTheirStreetOfficeOnly() {
        at(NOW.toString());
        var supervisor = TestUsers.supervisor("stats-supervisor", "yingbin");
        supervisor.request().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/api/stats/summary").then().statusCode(200)
                // 北馨园 and 振兴街 are in 迎宾街道; 槐园 (G) is not.
                .body("reported", equalTo(6)).body("backlog.total", equalTo(2));
        supervisor.request().queryParam("community", "huaiyuan").when().get("/api/stats/summary").then()
                .statusCode(403);
        supervisor.request().queryParam("streetOffice", "xihuayuan").when().get("/api/stats/summary").then()
                .statusCode(403);
    }

    @Test
    void badParametersAnswer400() {
        for (Map<String, String> params : java.util.List.of(Map.of("from", "2026-13-01"),
                Map.of("from", "2026-06-10", "to", "2026-06-01"), Map.of("from", "2024-01-01", "to", "2026-06-01"),
                Map.of("community", "nowhere"), Map.of("streetOffice", "beixinyuan"))) {
            given().queryParams(params).when().get("/api/stats/summary").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void thePeriodDefaultsToTheLastThirtyDays() {
        at(NOW.toString());
        // Today in Shanghai is 06-15; 30 days back is 05-17, which takes in G but not H.
        given().when().get("/api/stats/summary").then().statusCode(200)
                .body("period.from", equalTo("2026-05-17")).body("period.to", equalTo("2026-06-15"))
                .body("reported", equalTo(7));
    }

    // --- The page ----------------------------------------------------------------------------------------------

    private static String page(io.restassured.specification.RequestSpecification request, int status) {
        return request.queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").when().get("/dashboard")
                .then().statusCode(status).contentType(ContentType.HTML).extract().asString();
    }

    @Test
    void theDashboardPageShowsTheHandWorkedFigures() {
        at(NOW.toString());
        String html = page(given(), 200);
        org.assertj.core.api.Assertions.assertThat(html)
                .contains("id=\"fig-reported\">6<", "id=\"fig-backlog\">3<", "id=\"fig-overdue\">2<",
                        "id=\"fig-within-sla\">66.7%<")
                // 按时办结率 once above the tables: with the rates and its definition, not again as a card.
                .containsOnlyOnce("<dt>按时办结率</dt>").doesNotContain("caption\">按时办结率<")
                .contains("id=\"rate-response\">40.0%<", "id=\"rate-resolution\">40.0%<",
                        "id=\"rate-satisfaction\">50.0%<")
                // Each rate with its definition.
                .contains("在该类别派单时限内派出的比例", "解决满 7 天未被提出异议", "4 分或 5 分的比例")
                .contains("data-status=\"REPORTED\">1<", "data-status=\"DISPATCHED\">1<",
                        "data-status=\"IN_PROGRESS\">1<")
                // 5400 s, 14760 s to dispatch; 72000 s, 187200 s to resolve.
                .contains("id=\"dispatch-median\">1 小时 30 分<", "4 小时 6 分", "id=\"resolve-median\">20 小时 0 分<",
                        "2 天 4 小时")
                .contains("data-community=\"beixinyuan\"", "data-organization=\"datong-sewage\"")
                .contains("<svg", "class=\"trend-chart\"", "每周受理与解决")
                .contains("/dashboard/export.csv?from=2026-06-01&amp;to=2026-06-15");
        // Ranked: 北馨园 first, 振兴街 second.
        org.assertj.core.api.Assertions.assertThat(html.indexOf("data-community=\"beixinyuan\""))
                .isLessThan(html.indexOf("data-community=\"zhenxingjie\""));
        // The overdue list links each ticket: G (in progress) and C (dispatched again after the reopening).
        org.assertj.core.api.Assertions.assertThat(html).contains("href=\"/console/tickets/" + cohort.get(2) + "\"");

        String english = page(given().queryParam("lang", "en"), 200);
        org.assertj.core.api.Assertions.assertThat(english)
                .contains("Response rate", "id=\"rate-response\">40.0%<", "id=\"dispatch-median\">1 h 30 min<",
                        "Sites with 3 or more tickets of the same category");
    }

    @Test
    void aTroubleSpotLinksToItsTicketsInTheQueue() {
        at(NOW.toString());
        String html = page(given(), 200);
        String link = "/console/tickets?site=jianzhu-no3&amp;category=sewage-overflow&amp;reportedFrom=2026-03-18"
                + "&amp;reportedTo=2026-06-15";
        org.assertj.core.api.Assertions.assertThat(html).contains("href=\"" + link + "\"", "建筑三公司家属院");

        String queue = given().when().get(link.replace("&amp;", "&")).then().statusCode(200).extract().asString();
        // C, D and H are the three overflows there; E is a blockage at the same site.
        org.assertj.core.api.Assertions.assertThat(queue)
                .contains("data-code=\"" + cohort.get(2) + "\"", "data-code=\"" + cohort.get(3) + "\"")
                .doesNotContain("data-code=\"" + cohort.get(4) + "\"")
                .contains("name=\"site\" value=\"jianzhu-no3\"", "看板带来的条件");
        org.assertj.core.api.Assertions.assertThat(queue.split("data-code=\"CD-").length - 1).isEqualTo(3);
    }

    @Test
    void theMapDrawsEachCompoundOfThePeriodSizedByTicketsAndColouredByLateShare() {
        at(NOW.toString());
        String html = page(given(), 200);
        // 宏安: A and B, B resolved after its due time; 建筑三: C (reopened, past due), D (on time), E (not yet due).
        // 槐园北区's G was reported before the period: no circle. Both are a quarter or more late: red.
        org.assertj.core.api.Assertions.assertThat(html).contains("id=\"place-map\"")
                .containsPattern("<a href=\"/console/tickets\\?site=hongan&amp;reportedFrom=2026-06-01&amp;reportedTo=2026-06-15\""
                        + " data-site=\"hongan\" data-lat=\"[0-9.]+\" data-lon=\"[0-9.]+\" aria-label=\"宏安小区：2 件，其中超期 1 件\">")
                .containsPattern("data-site=\"jianzhu-no3\" data-lat=\"[0-9.]+\" data-lon=\"[0-9.]+\" data-trouble=\"true\""
                        + " aria-label=\"建筑三公司家属院：3 件，其中超期 1 件；反复报修点：污水外溢\">")
                .doesNotContain("data-site=\"huaiyuan-north\"")
                .contains("北馨园社区", "振兴街社区");
        java.util.regex.Matcher hongan = java.util.regex.Pattern.compile(
                "data-site=\"hongan\"[^>]*><circle cx=\"[0-9.]+\" cy=\"[0-9.]+\" r=\"([0-9.]+)\" fill=\"(#[0-9a-f]+)\"").matcher(html);
        java.util.regex.Matcher jianzhu = java.util.regex.Pattern.compile(
                "data-site=\"jianzhu-no3\"[^>]*><circle cx=\"[0-9.]+\" cy=\"[0-9.]+\" r=\"([0-9.]+)\" fill=\"(#[0-9a-f]+)\"").matcher(html);
        org.assertj.core.api.Assertions.assertThat(hongan.find()).isTrue();
        org.assertj.core.api.Assertions.assertThat(jianzhu.find()).isTrue();
        // The busiest compound gets the largest circle (7 + 17); the other 7 + 17 * sqrt(2/3).
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(jianzhu.group(1))).isEqualTo(24.0);
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(hongan.group(1))).isEqualTo(20.9);
        org.assertj.core.api.Assertions.assertThat(hongan.group(2)).isEqualTo("#c53030");
        // 建筑三公司家属院 is the period's trouble spot (three overflows in 90 days): ringed, and the legend says so.
        org.assertj.core.api.Assertions.assertThat(html)
                .containsPattern("data-site=\"jianzhu-no3\"[^>]*><circle [^>]*>.*?</circle><circle class=\"trouble-ring\"")
                .doesNotContainPattern("data-site=\"hongan\"[^>]*><circle [^>]*>.*?</circle><circle class=\"trouble-ring\"")
                .contains("id=\"trouble-legend\"", "紫色圈：反复报修点（见上表）");

        String english = page(given().queryParam("lang", "en"), 200);
        org.assertj.core.api.Assertions.assertThat(english).contains("Compounds on a map",
                "aria-label=\"Hong&#39;an Compound: 2 tickets, 1 past due\"",
                "3 tickets, 1 past due; a recurring trouble spot for Sewage overflow\"",
                "Purple ring: recurring trouble spot (see the table above)");

        // A community's staff see their own compounds only.
        String own = page(TestUsers.staff("map-staff", "beixinyuan").request(), 200);
        org.assertj.core.api.Assertions.assertThat(own).contains("data-site=\"hongan\"").doesNotContain("data-site=\"jianzhu-no3\"")
                .doesNotContain("振兴街社区");
    }

    @Test
    void theDashboardPageKeepsToTheUsersScopeAndExplainsABadFilter() {
        at(NOW.toString());
        var staff = TestUsers.staff("dash-staff", "beixinyuan");
        String own = page(staff.request(), 200);
        // A community's staff see their community's figures, with no area to choose.
        org.assertj.core.api.Assertions.assertThat(own).contains("id=\"fig-reported\">2<")
                .doesNotContain("name=\"community\"", "name=\"streetOffice\"");

        String other = staff.request().queryParam("community", "zhenxingjie").when().get("/dashboard").then()
                .statusCode(403).contentType(ContentType.HTML).extract().asString();
        org.assertj.core.api.Assertions.assertThat(other).contains("无法按这些条件统计", "这个街道或社区不在您的管辖范围内。")
                .doesNotContain("outside your area")
                .contains("id=\"fig-reported\"");

        var supervisor = TestUsers.supervisor("dash-supervisor", "yingbin");
        String choices = page(supervisor.request(), 200);
        org.assertj.core.api.Assertions.assertThat(choices).contains("name=\"community\"", "value=\"beixinyuan\"")
                .doesNotContain("value=\"huaiyuan\"");

        given().queryParam("from", "2026-13-01").when().get("/dashboard").then().statusCode(400)
                .contentType(ContentType.HTML).body(org.hamcrest.Matchers.containsString("开始日期应为 2026-11-01 这样的日期。"));
        TestUsers.contractor("dash-crew", "tongda-dredging").request().when().get("/dashboard").then()
                .statusCode(403);
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDashboardInABrowserOnADeskAndOnAPhone() throws Exception {
        at(NOW.toString());
        try (Browser browser = Browser.open()) {
            browser.signIn(base, SignInAsAdmin.ADMIN, SignInAsAdmin.ADMIN_PASSWORD);
            org.assertj.core.api.Assertions.assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard");
            browser.visit(new URL(base, "/dashboard?from=2026-06-01&to=2026-06-15"));
            org.assertj.core.api.Assertions.assertThat(browser.find(By.id("fig-reported")).getText()).isEqualTo("6");
            org.assertj.core.api.Assertions.assertThat(browser.find(By.id("rate-response")).getText())
                    .isEqualTo("40.0%");
            browser.screenshotWholePage(Path.of("target", "screenshots", "dashboard.png"), 1200);

            // From the trouble spot to its three tickets.
            browser.clickAndWait(By.cssSelector("#hotspot-list a"));
            org.assertj.core.api.Assertions.assertThat(
                    browser.driver().findElements(By.cssSelector("table.tickets tbody tr"))).hasSize(3);

            browser.asPhone().visit(new URL(base, "/dashboard?from=2026-06-01&to=2026-06-15"));
            org.assertj.core.api.Assertions.assertThat(browser.scrollsSideways()).as("the page fits a phone's width")
                    .isFalse();
        }
    }

    // --- The CSV export ---------------------------------------------------------------------------------------

    @Test
    void theExportHoldsThePeriodsTicketsAsUtf8WithAByteOrderMarkAndNoPersonalData() throws Exception {
        at(NOW.toString());
        Response csv = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/dashboard/export.csv");
        csv.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "communitydesk-tickets-2026-06-01-2026-06-15.csv"));
        byte[] bytes = csv.asByteArray();
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.copyOf(bytes, 3))
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        var records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
        org.assertj.core.api.Assertions.assertThat(records).extracting(r -> r.get(0))
                .containsExactlyInAnyOrderElementsOf(cohort);
        var c = records.stream().filter(r -> r.get(0).equals(cohort.get(2))).findFirst().orElseThrow();
        // C: 建筑三公司家属院, reported 06-10 08:00 Shanghai time, overdue, reopened once.
        org.assertj.core.api.Assertions.assertThat(c.get("小区 site")).isEqualTo("建筑三公司家属院");
        org.assertj.core.api.Assertions.assertThat(c.get("报告时间 reported")).isEqualTo("2026-06-10 08:00");
        org.assertj.core.api.Assertions.assertThat(c.get("超期 overdue")).isEqualTo("是 yes");
        org.assertj.core.api.Assertions.assertThat(c.get("重开次数 reopened")).isEqualTo("1");
        org.assertj.core.api.Assertions.assertThat(text).doesNotContain("测试居民", "13900000000", "2号楼");
    }

    @Test
    void theExportSpeaksThePagesLanguageAndHoldsAShortDescription() throws Exception {
        at(NOW.toString());
        for (String lang : java.util.List.of("zh", "en")) {
            String text = given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15").queryParam("lang", lang)
                    .when().get("/dashboard/export.csv").then().statusCode(200).extract().asString().substring(1);
            var records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(text)).getRecords();
            org.assertj.core.api.Assertions.assertThat(records).isNotEmpty().allSatisfy(r -> {
                org.assertj.core.api.Assertions.assertThat(r.get("状态 status")).as(lang).isIn(lang.equals("zh")
                        ? java.util.List.of("已登记", "已派单", "处理中", "已解决", "已办结", "已撤销")
                        : java.util.List.of("Reported", "Dispatched", "In progress", "Resolved", "Closed", "Cancelled"));
                org.assertj.core.api.Assertions.assertThat(r.get("渠道 channel")).isEqualTo(lang.equals("zh") ? "电话" : "Phone");
                org.assertj.core.api.Assertions.assertThat(r.get("描述 description")).startsWith("测试：");
            });
        }
    }

    @Test
    void theExportAppliesTheCallersScope() {
        at(NOW.toString());
        var staff = TestUsers.staff("export-staff", "beixinyuan");
        String text = staff.request().queryParam("from", "2026-06-01").queryParam("to", "2026-06-15")
                .when().get("/dashboard/export.csv").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(text.lines().skip(1)).hasSize(2)
                .allMatch(line -> line.startsWith(cohort.get(0)) || line.startsWith(cohort.get(1)));
        staff.request().queryParam("community", "zhenxingjie").when().get("/dashboard/export.csv").then()
                // A page: the refusal is an error page in the reader's language (ErrorPageTest).
                .statusCode(403).contentType(org.hamcrest.Matchers.containsString("text/html"));
        var contractor = TestUsers.contractor("export-crew", "tongda-dredging");
        contractor.request().when().get("/dashboard/export.csv").then().statusCode(403);
        given().auth().none().redirects().follow(false).when().get("/dashboard/export.csv").then()
                // To the sign-in page and back, as for every page (PageSignInTest).
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/login?next=%2Fdashboard%2Fexport.csv"));
    }

    // --- Edges, on tickets of 2025, outside the hand-worked period (cancelled or resolved, so no backlog) ---------

    @Test
    void aResolutionCountsAsUndisputedOnlyOnceItsFeedbackWindowIsOver() {
        // Feedback is taken up to exactly 7 days after the resolution, so at that instant it is not undisputed yet.
        String x = ticket("sewer-blockage", "huaiyuan", "huaiyuan-north", "2025-01-06T01:00:00Z");
        walk(x, "zhongrui-property", "2025-01-06T02:00:00Z", "2025-01-06T03:00:00Z", "2025-01-06T05:00:00Z");
        Instant resolvedAt = Instant.parse("2025-01-06T05:00:00Z");

        clock.freezeAt(resolvedAt.plus(Ticket.FEEDBACK_WINDOW));
        resolutionRateOn("2025-01-06").body("part", equalTo(0)).body("whole", equalTo(1));
        clock.freezeAt(resolvedAt.plus(Ticket.FEEDBACK_WINDOW).plusSeconds(1));
        resolutionRateOn("2025-01-06").body("part", equalTo(1)).body("whole", equalTo(1));
    }

    @Test
    void theExportDisarmsNamesThatExcelWouldRunAsFormulas() throws Exception {
        String[] names = { "=1+1", "+1", "-1", "@SUM(A1)" };
        Map<String, String> siteOf = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String site = "formula-" + i;
            given().contentType(ContentType.JSON).body(Map.of("code", site, "nameZh", names[i], "nameEn", "Formula " + i,
                    "communityCode", "huaiyuan", "propertyManaged", false)).when().post("/api/sites").then()
                    .statusCode(201).body("nameZh", equalTo(names[i]));
            String code = ticket("street-light", "huaiyuan", site, "2025-02-03T01:00:00Z");
            move(code, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);
            siteOf.put(code, names[i]);
        }

        Map<String, String> exported = new java.util.HashMap<>();
        for (var row : export("2025-02-03")) {
            exported.put(row.get(0), row.get("小区 site"));
        }
        // Exact cells: a leading quote, which Excel shows as text and does not print.
        org.assertj.core.api.Assertions.assertThat(exported).containsOnlyKeys(siteOf.keySet());
        siteOf.forEach((code, name) -> org.assertj.core.api.Assertions.assertThat(exported.get(code))
                .isEqualTo("'" + name));
    }

    @Test
    void anExportOfMoreThanOnePageHoldsEveryTicketOnce() throws Exception {
        String first = ticket("street-light", "yingbinlu", null, "2025-03-03T01:00:00Z");
        move(first, "cancel", Map.of("reason", "WITHDRAWN")).then().statusCode(200);
        java.util.Set<String> expected = new java.util.HashSet<>(java.util.List.of(first));
        // Copies of that ticket straight into the table: a page and a bit through the API would take minutes.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            java.util.List<String> columns = em.createNativeQuery("select column_name from information_schema.columns"
                    + " where lower(table_name) = 'ticket' and lower(table_schema) = 'public'").getResultList();
            String copied = String.join(", ", columns.stream().map(String::toLowerCase)
                    .filter(c -> !c.equals("id") && !c.equals("code")).toList());
            var insert = em.createNativeQuery("insert into ticket (code, " + copied + ") select ?1, " + copied
                    + " from ticket where code = ?2");
            for (int i = 0; i <= TicketExport.CHUNK; i++) {
                String code = String.format("CD-2025-9%05d", i);
                insert.setParameter(1, code).setParameter(2, first).executeUpdate();
                expected.add(code);
            }
        });

        var codes = export("2025-03-03").stream().map(r -> r.get(0)).toList();
        org.assertj.core.api.Assertions.assertThat(codes).hasSize(TicketExport.CHUNK + 2)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    private ValidatableResponse resolutionRateOn(String day) {
        return given().queryParam("from", day).queryParam("to", day).queryParam("community", "huaiyuan")
                .when().get("/api/stats/summary").then().statusCode(200).rootPath("resolutionRate");
    }

    private java.util.List<org.apache.commons.csv.CSVRecord> export(String day) throws Exception {
        byte[] bytes = given().queryParam("from", day).queryParam("to", day).when().get("/dashboard/export.csv")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        return org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
    }

    // --- Building the data set -------------------------------------------------------------------------------

    private static String lastAccessCode;

    private void at(String instant) {
        clock.freezeAt(Instant.parse(instant));
    }

    private String ticket(String category, String community, String site, String reportedAt) {
        at(reportedAt);
        Response created = create(intake(category, community, site));
        created.then().statusCode(201);
        lastAccessCode = created.path("accessCode");
        return created.path("code");
    }

    /** Dispatches to one lead, starts and (if given) resolves, each at its time. */
    private void walk(String code, String lead, String dispatchedAt, String startedAt, String resolvedAt) {
        at(dispatchedAt);
        move(code, "dispatch", dispatchBody(lead)).then().statusCode(200);
        at(startedAt);
        move(code, "start", null).then().statusCode(200);
        if (resolvedAt != null) {
            at(resolvedAt);
            move(code, "resolve", Map.of("resolution", "已处理")).then().statusCode(200);
        }
    }
}
