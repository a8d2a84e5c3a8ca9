package org.communitydesk.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.walk;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ticket_tally (V9) is kept by a trigger in each database (H2: TicketTallyTrigger; PostgreSQL: db/postgresql/V33.1).
 * After every kind of write it must equal counting the tickets, stripe by stripe (V33: a ticket counts in the
 * stripe of its id modulo 16), and the list's totals read from it must equal the totals counted with a filter the
 * tally cannot answer.
 */
@QuarkusTest
class TicketTallyTest {

    @Inject
    EntityManager em;

    @Test
    void theTallyFollowsIntakeAndEveryMove() {
        Map<List<Long>, Map<String, Long>> before = tallyByCell();
        String reported = createTicket("sewer-blockage", "zhenxingjie", "jianzhu-no3");
        String closed = createTicket("sewer-blockage", "zhenxingjie", "jianzhu-no3");
        walk(closed, "dispatch", "start", "resolve", "close");
        String reopened = createTicket("street-light", "huaiyuan", null);
        walk(reopened, "dispatch", "start", "resolve", "reopen");
        String duplicate = createTicket("sewer-blockage", "zhenxingjie", "jianzhu-no3");
        move(duplicate, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", reported)).then().statusCode(200);

        assertThat(tallyRows()).isEqualTo(countedRows());
        Map<List<Long>, Map<String, Long>> after = tallyByCell();
        List<Long> jianzhuSewer = cellOf(reported);
        assertThat(change(before, after, jianzhuSewer, "REPORTED")).isEqualTo(1);
        assertThat(change(before, after, jianzhuSewer, "CLOSED")).isEqualTo(1);
        assertThat(change(before, after, jianzhuSewer, "CANCELLED")).isEqualTo(1);
        assertThat(change(before, after, jianzhuSewer, "DISPATCHED")).isZero();
        assertThat(change(before, after, cellOf(reopened), "DISPATCHED")).isEqualTo(1);
        assertThat(change(before, after, cellOf(reopened), "RESOLVED")).isZero();
    }

    @Test
    void racingIntakesAndMovesInOneCommunityAndCategoryLoseNoCount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    String code = createTicket("sewage-overflow", "beixinyuan", "hongan");
                    walk(code, n % 2 == 0 ? new String[] { "dispatch", "start" } : new String[] { "cancel" });
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tallyRows()).isEqualTo(countedRows());
    }

    @Test
    void listTotalsFromTheTallyEqualCountedTotals() {
        createTicket("sewer-blockage", "yingbinlu", null);
        walk(createTicket("sewer-blockage", "yingbinlu", null), "dispatch");
        // Answered from the tally: area, category and status filters only.
        long all = total(Map.of());
        long yingbinluSewerOpen = total(Map.of("community", "yingbinlu", "category", "sewer-blockage",
                "status", "REPORTED,DISPATCHED"));
        long yingbinOffice = total(Map.of("streetOffice", "yingbin"));
        // The same sets with a date filter the tally cannot answer, which makes the list count the tickets.
        Map<String, String> always = Map.of("reportedFrom", "2000-01-01");
        assertThat(all).isEqualTo(total(always)).isEqualTo(count("1 = 1"));
        assertThat(yingbinluSewerOpen).isPositive().isEqualTo(total(merge(always, Map.of("community", "yingbinlu",
                "category", "sewer-blockage", "status", "REPORTED,DISPATCHED"))));
        assertThat(yingbinOffice).isEqualTo(total(merge(always, Map.of("streetOffice", "yingbin"))))
                .isEqualTo(count("street_office_id = (select id from area where code = 'yingbin')"));
    }

    @Test
    void theQueuePageCountsPerStatusFromTheTallyEqualCountedOnes() {
        walk(createTicket("street-light", "huaiyuan", null), "dispatch");
        String html = given().queryParam("community", "huaiyuan").queryParam("category", "street-light")
                .when().get("/console/tickets").then().statusCode(200).extract().asString();
        long all = 0;
        for (TicketStatus status : TicketStatus.values()) {
            long counted = total(Map.of("community", "huaiyuan", "category", "street-light",
                    "status", status.name(), "reportedFrom", "2000-01-01"));
            assertThat(html).contains("data-status=\"" + status + "\">" + counted + "<");
            all += counted;
        }
        assertThat(all).isPositive();
    }

    /**
     * The tally per scope: a community's staff and a street office's supervisor are answered from the tally rows of
     * their area, a contractor (whom the tally cannot answer) by counting. Either way the list's total and the queue's
     * counts per status must equal counting, forced by a date filter the tally cannot answer.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "STAFF", "SUPERVISOR", "CONTRACTOR" })
    void listTotalsAndQueueCountsEqualCountingInEachScope(String role) {
        // Tickets inside and outside each scope: 北馨园 (迎宾街道) given to tongda-dredging, 振兴街 (迎宾街道) given to
        // datong-sewage, 槐园 (西花园街道) given to tongda-dredging, and reported ones in each.
        for (String community : List.of("beixinyuan", "zhenxingjie", "huaiyuan")) {
            createTicket("sewer-blockage", community, null);
            String dispatched = createTicket("sewer-blockage", community, null);
            move(dispatched, "dispatch", TicketApi.dispatchBody(community.equals("zhenxingjie") ? "datong-sewage"
                    : "tongda-dredging")).then().statusCode(200);
        }
        User user = switch (role) {
            case "STAFF" -> TestUsers.staff("tally-staff", "beixinyuan");
            case "SUPERVISOR" -> TestUsers.supervisor("tally-supervisor", "yingbin");
            default -> TestUsers.contractor("tally-contractor", "tongda-dredging");
        };
        Map<String, String> counting = Map.of("reportedFrom", "2000-01-01");

        long total = total(user, Map.of());
        assertThat(total).as("%s's total", role).isPositive().isLessThan(total(Map.of()))
                .isEqualTo(total(user, counting));
        String queue = user.request().when().get("/console/tickets").then().statusCode(200).extract().asString();
        long sum = 0;
        for (TicketStatus status : TicketStatus.values()) {
            long counted = total(user, merge(counting, Map.of("status", status.name())));
            assertThat(total(user, Map.of("status", status.name()))).as("%s's total of %s", role, status)
                    .isEqualTo(counted);
            assertThat(queue).as("%s's queue count of %s", role, status)
                    .contains("data-status=\"" + status + "\">" + counted + "<");
            sum += counted;
        }
        assertThat(sum).isEqualTo(total);
    }

    private static long total(User user, Map<String, String> filters) {
        return user.request().queryParams(filters).queryParam("size", 1).when().get("/api/tickets").then()
                .statusCode(200).extract().jsonPath().getLong("total");
    }

    private static long total(Map<String, String> filters) {
        return given().queryParams(filters).queryParam("size", 1).when().get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private long count(String condition) {
        return ((Number) em.createNativeQuery("select count(*) from ticket where " + condition).getSingleResult())
                .longValue();
    }

    /** community, category, status, stripe → tickets, without the rows at zero. */
    private Map<List<Object>, Long> tallyRows() {
        return rows("select community_id, category_id, status, stripe, tickets from ticket_tally where tickets <> 0");
    }

    private Map<List<Object>, Long> countedRows() {
        return rows("select community_id, category_id, status, mod(id, 16), count(*) from ticket"
                + " group by community_id, category_id, status, mod(id, 16)");
    }

    private Map<List<Object>, Long> rows(String sql) {
        Map<List<Object>, Long> rows = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) row;
            rows.put(List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), r[2],
                    ((Number) r[3]).intValue()), ((Number) r[4]).longValue());
        }
        return rows;
    }

    /** community and category → status → tickets, the stripes summed. */
    private Map<List<Long>, Map<String, Long>> tallyByCell() {
        Map<List<Long>, Map<String, Long>> cells = new HashMap<>();
        tallyRows().forEach((key, tickets) -> cells
                .computeIfAbsent(List.of((Long) key.get(0), (Long) key.get(1)), k -> new HashMap<>())
                .merge((String) key.get(2), tickets, Long::sum));
        return cells;
    }

    private List<Long> cellOf(String code) {
        Object[] row = (Object[]) em.createNativeQuery("select community_id, category_id from ticket where code = :code")
                .setParameter("code", code).getSingleResult();
        return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static long change(Map<List<Long>, Map<String, Long>> before, Map<List<Long>, Map<String, Long>> after,
            List<Long> cell, String status) {
        return after.getOrDefault(cell, Map.of()).getOrDefault(status, 0L)
                - before.getOrDefault(cell, Map.of()).getOrDefault(status, 0L);
    }
}
