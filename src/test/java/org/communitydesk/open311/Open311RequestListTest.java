package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.BASE;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.jsonCodes;
import static org.communitydesk.open311.Open311Api.xmlCodes;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.communitydesk.calendar.WorkingCalendar;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TicketApi;
import org.communitydesk.ticket.Actor;
import org.communitydesk.ticket.Channel;
import org.communitydesk.ticket.Reporter;
import org.communitydesk.ticket.Ticket;
import org.communitydesk.ticket.TicketCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GET requests in both formats: every argument, the 90-day window, the 1000 cap and the pagination
 * extension. The database is shared with other test classes, so each test looks only at its own tickets:
 * it names them, narrows by a category nobody else uses at that time, or places them where nobody else is.
 */
@QuarkusTest
class Open311RequestListTest {

    @Inject
    WorkingCalendar workingCalendar;

    @Inject
    TestClock clock;

    @Inject
    TicketCodes codes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void serviceRequestIdListsRequestsWhateverTheOtherArguments() {
        String open = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        String closed = TicketApi.createTicket("lift-outage", "huaiyuan", "huaiyuan-north");
        TicketApi.walk(closed, "cancel");
        String ids = open + "," + closed + ",CD-1999-999999";

        for (String format : List.of("json", "xml")) {
            List<String> found = codes(format, list()
                    .queryParam("service_request_id", ids)
                    // Each of these alone would leave out one or both.
                    .queryParam("status", "open").queryParam("service_code", "street-light")
                    .queryParam("start_date", "2020-01-01T00:00:00Z").queryParam("end_date", "2020-02-01T00:00:00Z")
                    .queryParam("page", "7").queryParam("page_size", "1"), format);
            assertThat(found).as(format).containsExactly(closed, open);
        }
    }

    @Test
    void aListAskedForAgainShowsEveryChangeSinceThoughListsAreKeptForSeconds() {
        String ticket = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        RequestSpecification mine = list().queryParam("service_request_id", ticket);
        mine.when().get(BASE + "/requests.json").then().statusCode(200)
                .body("status", contains("open")).body("status_notes", contains(nullValue()));

        TicketApi.move(ticket, "notes", java.util.Map.of("text", "清掏队已出发", "visibility", "PUBLIC"))
                .then().statusCode(201);
        list().queryParam("service_request_id", ticket).when().get(BASE + "/requests.json").then().statusCode(200)
                .body("status_notes", contains("清掏队已出发"));
        TicketApi.walk(ticket, "cancel");
        list().queryParam("service_request_id", ticket).when().get(BASE + "/requests.json").then().statusCode(200)
                .body("status", contains("closed"));
        // A new request shows in the default list at once.
        String next = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        assertThat(jsonCodes(list().when().get(BASE + "/requests.json"))).contains(next);
        assertThat(jsonCodes(list().when().get(BASE + "/requests.json"))).contains(next);
    }

    @Test
    void serviceCodeNarrowsToTheListedServices() {
        String sewer = TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        String light = TicketApi.createTicket("street-light", "yujinyuan", null);
        String fire = TicketApi.createTicket("fire-hazard", "huaiyuan", "huaiyuan-north");

        for (String format : List.of("json", "xml")) {
            List<String> lights = codes(format, list().queryParam("service_code", "street-light"), format);
            assertThat(lights).as(format).contains(light).doesNotContain(sewer, fire);
            List<String> two = codes(format, list().queryParam("service_code", "street-light,fire-hazard"), format);
            assertThat(two).as(format).contains(light, fire).doesNotContain(sewer);
            List<String> repeated = codes(format, list().queryParam("service_code", "street-light", "sewer-blockage"), format);
            assertThat(repeated).as(format).contains(light, sewer).doesNotContain(fire);
        }
    }

    @Test
    void statusOpenOrClosed() {
        String reported = TicketApi.createTicket("sanitation", "yingbinlu", null);
        String inProgress = TicketApi.createTicket("sanitation", "yingbinlu", null);
        TicketApi.walk(inProgress, "dispatch", "start");
        String closed = TicketApi.createTicket("sanitation", "yingbinlu", null);
        TicketApi.walk(closed, "dispatch", "start", "resolve", "close");
        String cancelled = TicketApi.createTicket("sanitation", "yingbinlu", null);
        TicketApi.walk(cancelled, "cancel");

        for (String format : List.of("json", "xml")) {
            assertThat(codes(format, sanitation().queryParam("status", "open"), format)).as(format)
                    .contains(reported, inProgress).doesNotContain(closed, cancelled);
            assertThat(codes(format, sanitation().queryParam("status", "closed"), format)).as(format)
                    .contains(closed, cancelled).doesNotContain(reported, inProgress);
            assertThat(codes(format, sanitation().queryParam("status", "open,closed"), format)).as(format)
                    .contains(reported, inProgress, closed, cancelled);
            assertThat(codes(format, sanitation(), format)).as(format)
                    .contains(reported, inProgress, closed, cancelled);
        }
    }

    @Test
    void startAndEndDateBoundTheRequestedTime() {
        clock.advance(Duration.ofDays(-40));
        String fortyDaysAgo = TicketApi.createTicket("property-dispute", "qingyuanxijie", null);
        clock.reset();
        clock.advance(Duration.ofDays(-10));
        String tenDaysAgo = TicketApi.createTicket("property-dispute", "qingyuanxijie", null);
        clock.reset();
        String today = TicketApi.createTicket("property-dispute", "qingyuanxijie", null);
        Instant now = Instant.now();

        for (String format : List.of("json", "xml")) {
            assertThat(codes(format, disputes().queryParam("start_date", w3c(now.minus(Duration.ofDays(20)))), format))
                    .as("%s from 20 days ago", format).contains(tenDaysAgo, today).doesNotContain(fortyDaysAgo);
            assertThat(codes(format, disputes().queryParam("end_date", w3c(now.minus(Duration.ofDays(5)))), format))
                    .as("%s until 5 days ago", format).contains(tenDaysAgo, fortyDaysAgo).doesNotContain(today);
            assertThat(codes(format, disputes().queryParam("start_date", w3c(now.minus(Duration.ofDays(45))))
                    .queryParam("end_date", w3c(now.minus(Duration.ofDays(5)))), format))
                    .as("%s from 45 to 5 days ago", format).contains(fortyDaysAgo, tenDaysAgo).doesNotContain(today);
            // Offsets other than the installation's, and Z, name the same instants.
            String fifteenDaysAgoInNewYork = now.minus(Duration.ofDays(15)).atZone(java.time.ZoneId.of("America/New_York"))
                    .truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString();
            assertThat(codes(format, disputes().queryParam("start_date", fifteenDaysAgoInNewYork), format))
                    .as("%s with a -05:00 offset", format).contains(tenDaysAgo, today).doesNotContain(fortyDaysAgo);
        }
    }

    @Test
    void datesCompareAtTheWholeSecondsThatArePublished() {
        // Reported at .5 s: published as ...:01, which both ends of the window must find (inclusive).
        Instant reportedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
        clock.freezeAt(reportedAt);
        String code = TicketApi.createTicket("property-dispute", "qingyuanxijie", null);
        clock.reset();
        String published = anonymous().when().get(BASE + "/requests/" + code + ".json").jsonPath()
                .getString("[0].requested_datetime");
        assertThat(published).isEqualTo(w3c(reportedAt));

        for (String format : List.of("json", "xml")) {
            assertThat(codes(format, disputes().queryParam("start_date", published).queryParam("end_date", published), format))
                    .as("%s: start_date = end_date = the published time", format).contains(code);
            assertThat(codes(format, disputes().queryParam("end_date", published), format))
                    .as("%s: end_date = the published time", format).contains(code);
            String secondBefore = w3c(reportedAt.minusSeconds(1));
            assertThat(codes(format, disputes().queryParam("end_date", secondBefore), format))
                    .as("%s: end_date a second earlier", format).doesNotContain(code);
            String secondAfter = w3c(reportedAt.plusSeconds(1));
            assertThat(codes(format, disputes().queryParam("start_date", secondAfter), format))
                    .as("%s: start_date a second later", format).doesNotContain(code);
        }
    }

    @Test
    void theDefaultWindowIsTheLast90Days() {
        String code = TicketApi.createTicket("fire-hazard", "zhenxingjie", "jianzhu-no3");
        Instant reported = Instant.parse(TicketApi.get(code).path("reportedAt"));
        assertThat(codes("json", list().queryParam("service_code", "fire-hazard"), "json")).contains(code);

        clock.advance(Duration.ofDays(89));
        assertThat(codes("json", list().queryParam("service_code", "fire-hazard"), "json")).as("89 days on").contains(code);

        clock.advance(Duration.ofDays(2));
        for (String format : List.of("json", "xml")) {
            assertThat(codes(format, list().queryParam("service_code", "fire-hazard"), format))
                    .as("%s 91 days on, by default", format).doesNotContain(code);
            // Named explicitly, an older period is still there.
            assertThat(codes(format, list().queryParam("service_code", "fire-hazard")
                    .queryParam("start_date", w3c(reported.minus(Duration.ofHours(1)))), format))
                    .as("%s 91 days on, from the day it was reported", format).contains(code);
            assertThat(codes(format, list().queryParam("service_request_id", code), format)).containsExactly(code);
        }
    }

    @Test
    void aSpanOfMoreThan90DaysIsRefused() {
        for (String format : List.of("json", "xml")) {
            list().queryParam("start_date", "2026-01-01T00:00:00+08:00").queryParam("end_date", "2026-04-01T00:00:00+08:00")
                    .when().get(BASE + "/requests." + format).then().statusCode(200);
            Response tooLong = list().queryParam("start_date", "2026-01-01T00:00:00+08:00")
                    .queryParam("end_date", "2026-04-01T00:00:01+08:00").when().get(BASE + "/requests." + format);
            tooLong.then().statusCode(400);
            assertThat(tooLong.asString()).contains("90 days");
        }
    }

    @Test
    void atMost1000RequestsAPageNewestFirstAndPagesForTheRest() {
        // 1001 tickets on one day twenty-odd years ago, where no other test puts any.
        Instant day = Instant.parse("2003-03-03T00:00:00Z").plus(Duration.ofDays(UUID.randomUUID().hashCode() & 0xff));
        List<String> newestFirst = createOldTickets(day, 1001);
        String start = w3c(day);
        String end = w3c(day.plus(Duration.ofDays(1)));

        List<String> all = jsonCodes(window(start, end).when().get(BASE + "/requests.json"));
        assertThat(all).hasSize(1000).containsExactlyElementsOf(newestFirst.subList(0, 1000));
        assertThat(xmlCodes(window(start, end).when().get(BASE + "/requests.xml"))).hasSize(1000);
        assertThat(jsonCodes(window(start, end).queryParam("page", "2").when().get(BASE + "/requests.json")))
                .containsExactly(newestFirst.get(1000));

        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            pages.addAll(jsonCodes(window(start, end).queryParam("page", page).queryParam("page_size", 400)
                    .when().get(BASE + "/requests.json")));
        }
        assertThat(pages).containsExactlyElementsOf(newestFirst);
        assertThat(xmlCodes(window(start, end).queryParam("page", 2).queryParam("page_size", 1)
                .when().get(BASE + "/requests.xml"))).containsExactly(newestFirst.get(1));
        assertThat(jsonCodes(window(start, end).queryParam("page", 99).when().get(BASE + "/requests.json"))).isEmpty();
        window(start, end).queryParam("page_size", 1001).when().get(BASE + "/requests.json").then().statusCode(400);
    }

    /** Tickets made through the aggregate, one second apart from {@code day}; their codes, newest first. */
    private List<String> createOldTickets(Instant day, int count) {
        // Codes first: their native query would flush (and dirty-check) every ticket already persisted.
        List<String> ticketCodes = QuarkusTransaction.requiringNew().call(() -> {
            List<String> reserved = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reserved.add(codes.next(day));
            }
            return reserved;
        });
        return QuarkusTransaction.requiringNew().call(() -> {
            ServiceCategory category = ServiceCategory.findByCode("sanitation").orElseThrow();
            Area community = Area.findByCode("yujinyuan").orElseThrow();
            Actor actor = new Actor("open311-test", "ADMIN");
            List<String> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant at = day.plusSeconds(i);
                Ticket ticket = Ticket.report(ticketCodes.get(i), new Ticket.Intake(category, null, Channel.WEB,
                        "旧工单 " + i, new Reporter("测试居民", null), community, null, null, null, null), actor, at,
                        workingCalendar);
                ticket.persist();
                created.add(0, ticket.code);
            }
            return created;
        });
    }

    private static RequestSpecification list() {
        return anonymous();
    }

    private static RequestSpecification window(String start, String end) {
        return anonymous().queryParam("start_date", start).queryParam("end_date", end);
    }

    private static RequestSpecification sanitation() {
        return anonymous().queryParam("service_code", "sanitation");
    }

    private static RequestSpecification disputes() {
        return anonymous().queryParam("service_code", "property-dispute");
    }

    private static List<String> codes(String format, RequestSpecification request, String sameFormat) {
        Response answer = request.when().get(BASE + "/requests." + format);
        return format.equals("json") ? jsonCodes(answer) : xmlCodes(answer);
    }

    private static String w3c(Instant instant) {
        // As published: always with the seconds (OffsetDateTime.toString() drops ":00").
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                .format(instant.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
