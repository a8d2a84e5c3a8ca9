package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.create;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/tickets}: every filter, paging and sorting. The database is shared with other
 * test classes, so each test makes its own tickets, all carrying a token unique to the test in
 * their description, and narrows every search to that token with {@code q}.
 */
@QuarkusTest
class TicketSearchTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** In every description this test writes; lower case, since q must match regardless of case. */
    private final String token = "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- Filters ---------------------------------------------------------------------------------

    @Test
    void statusFilterTakesOneValueRepeatedValuesOrACommaList() {
        String reported = report("sewer-blockage", "beixinyuan", "hongan");
        String dispatched = report("sewer-blockage", "beixinyuan", "hongan");
        walk(dispatched, "dispatch");
        String inProgress = report("sewer-blockage", "beixinyuan", "hongan");
        walk(inProgress, "dispatch", "start");

        assertThat(codes(mine().queryParam("status", "REPORTED"))).containsExactlyInAnyOrder(reported);
        assertThat(codes(mine().queryParam("status", "REPORTED", "IN_PROGRESS")))
                .containsExactlyInAnyOrder(reported, inProgress);
        assertThat(codes(mine().queryParam("status", "DISPATCHED,IN_PROGRESS")))
                .containsExactlyInAnyOrder(dispatched, inProgress);
        assertThat(codes(mine().queryParam("status", "reported, dispatched")))
                .containsExactlyInAnyOrder(reported, dispatched);
        assertThat(codes(mine().queryParam("status", "RESOLVED"))).isEmpty();
        assertThat(codes(mine())).containsExactlyInAnyOrder(reported, dispatched, inProgress);
    }

    @Test
    void categoryStreetOfficeAndCommunityFiltersCombine() {
        String sewer = report("sewer-blockage", "beixinyuan", "hongan");
        String light = report("street-light", "yujinyuan", null);
        String sanitation = report("sanitation", "huaiyuan", "huaiyuan-north");
        String lightAtHongan = report("street-light", "beixinyuan", "hongan");

        assertThat(codes(mine().queryParam("category", "street-light"))).containsExactlyInAnyOrder(light, lightAtHongan);
        assertThat(codes(mine().queryParam("streetOffice", "yingbin"))).containsExactlyInAnyOrder(sewer, lightAtHongan);
        assertThat(codes(mine().queryParam("streetOffice", "xihuayuan"))).containsExactly(sanitation);
        assertThat(codes(mine().queryParam("streetOffice", "qingyuan"))).isEmpty();
        assertThat(codes(mine().queryParam("community", "yujinyuan"))).containsExactly(light);
        assertThat(codes(mine().queryParam("community", "beixinyuan").queryParam("category", "street-light")))
                .containsExactly(lightAtHongan);
        assertThat(codes(mine().queryParam("community", "huaiyuan").queryParam("category", "street-light"))).isEmpty();
        assertThat(codes(mine().queryParam("site", "hongan"))).containsExactlyInAnyOrder(sewer, lightAtHongan);
        assertThat(codes(mine().queryParam("site", "hongan").queryParam("category", "sewer-blockage")))
                .containsExactly(sewer);
        given().queryParam("site", "nowhere").when().get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void organizationFilterListsOnlyCurrentAssignments() {
        String ledByTongda = report("sewer-blockage", "beixinyuan", "hongan");
        move(ledByTongda, "dispatch", dispatchBody("tongda-dredging", "datong-sewage")).then().statusCode(200);
        String ledBySewage = report("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        move(ledBySewage, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200);
        report("sewer-blockage", "beixinyuan", "hongan");

        assertThat(codes(mine().queryParam("organization", "tongda-dredging"))).containsExactly(ledByTongda);
        assertThat(codes(mine().queryParam("organization", "datong-sewage")))
                .containsExactlyInAnyOrder(ledByTongda, ledBySewage);
        assertThat(codes(mine().queryParam("organization", "zhongrui-property"))).isEmpty();

        // Re-dispatch without the dredging team: it is released and no longer finds the ticket.
        move(ledByTongda, "dispatch", dispatchBody("datong-sewage")).then().statusCode(200);

        assertThat(codes(mine().queryParam("organization", "tongda-dredging"))).isEmpty();
        assertThat(codes(mine().queryParam("organization", "datong-sewage")))
                .containsExactlyInAnyOrder(ledByTongda, ledBySewage);
        JsonPath page = search(mine().queryParam("organization", "datong-sewage"));
        assertThat(page.<String>getList("items.leadOrganization.code")).containsOnly("datong-sewage");
    }

    @Test
    void overdueFilterFollowsTheClockAndIgnoresFinishedTickets() {
        String urgent = report("fire-hazard", "beixinyuan", "hongan"); // resolve within 8 hours
        String low = report("property-dispute", "huaiyuan", "huaiyuan-north"); // within 720 hours
        String resolved = report("fire-hazard", "beixinyuan", "hongan");
        walk(resolved, "dispatch", "start", "resolve");
        String cancelled = report("fire-hazard", "yujinyuan", null);
        walk(cancelled, "cancel");

        assertThat(codes(mine().queryParam("overdue", "true"))).isEmpty();
        assertThat(codes(mine().queryParam("overdue", "false")))
                .containsExactlyInAnyOrder(urgent, low, resolved, cancelled);

        clock.advance(Duration.ofHours(9));

        assertThat(codes(mine().queryParam("overdue", "true"))).containsExactly(urgent);
        assertThat(codes(mine().queryParam("overdue", "false")))
                .containsExactlyInAnyOrder(low, resolved, cancelled);
        assertThat(codes(mine().queryParam("overdue", "TRUE"))).containsExactly(urgent);
        JsonPath all = search(mine());
        assertThat(all.getBoolean("items.find { it.code == '" + urgent + "' }.overdue")).isTrue();
        assertThat(all.getBoolean("items.find { it.code == '" + low + "' }.overdue")).isFalse();
    }

    @Test
    void reportedFromIsInclusiveAndReportedToExclusiveForInstants() {
        clock.advance(Duration.ofDays(-10));
        Reported tenDaysAgo = reportAndRead("sewer-blockage");
        clock.reset();
        clock.advance(Duration.ofDays(-3));
        Reported threeDaysAgo = reportAndRead("sewer-blockage");
        clock.reset();
        Reported now = reportAndRead("sewer-blockage");

        String middle = threeDaysAgo.at().toString();
        assertThat(codes(mine().queryParam("reportedFrom", middle))).containsExactlyInAnyOrder(threeDaysAgo.code(), now.code());
        assertThat(codes(mine().queryParam("reportedTo", middle))).containsExactly(tenDaysAgo.code());
        assertThat(codes(mine().queryParam("reportedFrom", tenDaysAgo.at().toString()).queryParam("reportedTo", now.at().toString())))
                .containsExactlyInAnyOrder(tenDaysAgo.code(), threeDaysAgo.code());
        assertThat(codes(mine().queryParam("reportedFrom", now.at().plusNanos(1000).toString()))).isEmpty();
    }

    @Test
    void reportedDatesAreWholeLocalDaysWithAnInclusiveEnd() {
        clock.advance(Duration.ofDays(-10));
        Reported tenDaysAgo = reportAndRead("sewer-blockage");
        clock.reset();
        clock.advance(Duration.ofDays(-3));
        Reported threeDaysAgo = reportAndRead("sewer-blockage");
        clock.reset();
        Reported now = reportAndRead("sewer-blockage");

        String day = localDate(threeDaysAgo.at()).toString();
        assertThat(codes(mine().queryParam("reportedFrom", day))).containsExactlyInAnyOrder(threeDaysAgo.code(), now.code());
        assertThat(codes(mine().queryParam("reportedTo", day))).containsExactlyInAnyOrder(tenDaysAgo.code(), threeDaysAgo.code());
        assertThat(codes(mine().queryParam("reportedFrom", day).queryParam("reportedTo", day)))
                .containsExactly(threeDaysAgo.code());
    }

    @Test
    void reportedDatesAreDaysOfTheInstallationTimeZone() {
        // 01:30 in Shanghai is 17:30 UTC of the day before: a UTC reading of the dates would get both answers wrong.
        LocalDate day = LocalDate.now(ZONE).minusDays(20);
        clock.advance(Duration.between(Instant.now(), day.atTime(LocalTime.of(1, 30)).atZone(ZONE).toInstant()));
        Reported earlyMorning = reportAndRead("street-light");
        clock.reset();
        assertThat(localDate(earlyMorning.at())).isEqualTo(day);

        assertThat(codes(mine().queryParam("reportedFrom", day.toString()))).containsExactly(earlyMorning.code());
        assertThat(codes(mine().queryParam("reportedTo", day.minusDays(1).toString()))).isEmpty();
        assertThat(codes(mine().queryParam("reportedTo", day.toString()))).containsExactly(earlyMorning.code());
    }

    @Test
    void textSearchLooksAtDescriptionAddressDetailAndTrackingCode() {
        String inDescription = report("sewer-blockage", "beixinyuan", "hongan",
                body -> body.put("description", "居民反映 " + token + " 下水井冒水"));
        String inAddress = report("street-light", "yujinyuan", null, body -> {
            body.put("description", "路灯不亮");
            location(body).put("addressDetail", "3单元 " + token);
        });

        assertThat(codes(given().queryParam("q", token))).containsExactlyInAnyOrder(inDescription, inAddress);
        assertThat(codes(given().queryParam("q", token.toUpperCase(Locale.ROOT))))
                .containsExactlyInAnyOrder(inDescription, inAddress);
        assertThat(codes(given().queryParam("q", "居民反映 " + token))).containsExactly(inDescription);
        assertThat(codes(given().queryParam("q", "3单元 " + token))).containsExactly(inAddress);
        assertThat(codes(given().queryParam("q", "  " + token + "  ")))
                .containsExactlyInAnyOrder(inDescription, inAddress);

        assertThat(codes(given().queryParam("q", inAddress))).containsExactly(inAddress);
        assertThat(codes(given().queryParam("q", inAddress.toLowerCase(Locale.ROOT)))).containsExactly(inAddress);
    }

    @Test
    void wildcardsInTextSearchAreLiteral() {
        String percent = reportDescribed(token + "%x");
        String letters = reportDescribed(token + "abx");
        String underscore = reportDescribed(token + "_y");
        String letter = reportDescribed(token + "zy");
        String bang = reportDescribed(token + "!z");

        assertThat(codes(given().queryParam("q", token + "%x"))).containsExactly(percent);
        assertThat(codes(given().queryParam("q", token + "_y"))).containsExactly(underscore);
        assertThat(codes(given().queryParam("q", token + "!z"))).containsExactly(bang);
        assertThat(codes(given().queryParam("q", token + "!"))).containsExactly(bang);
        assertThat(codes(given().queryParam("q", token)))
                .containsExactlyInAnyOrder(percent, letters, underscore, letter, bang);
    }

    // --- Paging ----------------------------------------------------------------------------------

    @Test
    void pagesSplitTheResultsAndCountTheTotal() {
        List<String> oldestFirst = List.of(reportDescribed(token), reportDescribed(token), reportDescribed(token),
                reportDescribed(token), reportDescribed(token));

        assertPage(0, 2, oldestFirst.subList(0, 2));
        assertPage(1, 2, oldestFirst.subList(2, 4));
        assertPage(2, 2, oldestFirst.subList(4, 5));
        assertPage(3, 2, List.of());
        assertPage(1000, 2, List.of());
        assertPage(0, 5, oldestFirst);
    }

    private void assertPage(int page, int size, List<String> expected) {
        JsonPath answer = search(given().queryParam("q", token).queryParam("sort", "reportedAt")
                .queryParam("page", page).queryParam("size", size));
        assertThat(answer.<String>getList("items.code")).as("page %d of size %d", page, size).containsExactlyElementsOf(expected);
        assertThat(answer.getInt("page")).isEqualTo(page);
        assertThat(answer.getInt("size")).isEqualTo(size);
        assertThat(answer.getLong("total")).isEqualTo(5);
    }

    @Test
    void defaultPageIsTheFirstOfTwenty() {
        String code = reportDescribed(token);

        JsonPath answer = search(given().queryParam("q", token));
        assertThat(answer.<String>getList("items.code")).containsExactly(code);
        assertThat(answer.getInt("page")).isZero();
        assertThat(answer.getInt("size")).isEqualTo(20);
        assertThat(answer.getLong("total")).isEqualTo(1);
    }

    @Test
    void pageSizeIsCappedAt200() {
        String code = reportDescribed(token);

        JsonPath answer = search(given().queryParam("q", token).queryParam("size", 500));
        assertThat(answer.getInt("size")).isEqualTo(200);
        assertThat(answer.<String>getList("items.code")).containsExactly(code);

        JsonPath unfiltered = search(given().queryParam("size", 500));
        assertThat(unfiltered.getInt("size")).isEqualTo(200);
        assertThat(unfiltered.getList("items")).hasSizeLessThanOrEqualTo(200)
                .hasSize((int) Math.min(200, unfiltered.getLong("total")));
    }

    // --- Sorting ---------------------------------------------------------------------------------

    @Test
    void sortsByReportedAtOrDueAtInBothDirections() {
        // Reported in this order, but due in another: 720 hours, 8 hours and 72 hours.
        String lowDispute = report("property-dispute", "huaiyuan", "huaiyuan-north");
        String urgentFire = report("fire-hazard", "beixinyuan", "hongan");
        String normalLight = report("street-light", "yujinyuan", null);

        assertThat(sorted("reportedAt")).containsExactly(lowDispute, urgentFire, normalLight);
        assertThat(sorted("-reportedAt")).containsExactly(normalLight, urgentFire, lowDispute);
        assertThat(sorted("dueAt")).containsExactly(urgentFire, normalLight, lowDispute);
        assertThat(sorted("-dueAt")).containsExactly(lowDispute, normalLight, urgentFire);
        assertThat(codes(mine())).as("default order, newest first").containsExactly(normalLight, urgentFire, lowDispute);

        List<String> dueTimes = search(mine().queryParam("sort", "dueAt")).getList("items.dueAt");
        assertThat(dueTimes.stream().map(Instant::parse).toList()).isSorted();
    }

    private List<String> sorted(String sort) {
        return codes(mine().queryParam("sort", sort));
    }

    // --- Helpers ---------------------------------------------------------------------------------

    private record Reported(String code, Instant at) {
    }

    /** A search narrowed to this test's tickets, in one page. */
    private RequestSpecification mine() {
        return given().queryParam("q", token).queryParam("size", 200);
    }

    private static JsonPath search(RequestSpecification request) {
        return request.when().get("/api/tickets").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> codes(RequestSpecification request) {
        return search(request).getList("items.code");
    }

    private String report(String category, String community, String site) {
        return report(category, community, site, body -> body.put("description", token + " " + category));
    }

    private String reportDescribed(String description) {
        return report("sanitation", "beixinyuan", "hongan", body -> body.put("description", description));
    }

    private static String report(String category, String community, String site, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = intake(category, community, site);
        change.accept(body);
        return create(body).then().statusCode(201).extract().path("code");
    }

    private Reported reportAndRead(String category) {
        Map<String, Object> body = intake(category, "beixinyuan", "hongan");
        body.put("description", token + " " + category);
        JsonPath created = create(body).then().statusCode(201).extract().jsonPath();
        return new Reported(created.getString("code"), Instant.parse(created.getString("reportedAt")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> location(Map<String, Object> body) {
        return (Map<String, Object>) body.get("location");
    }

    private static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
