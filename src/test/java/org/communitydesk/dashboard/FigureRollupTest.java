package org.communitydesk.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.communitydesk.jobs.BackgroundJobs;
import org.communitydesk.support.PostgresTestDatabase;
import org.communitydesk.support.TestClock;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures per day (ticket_figures, V34; the ranking's ticket_figures_unit, V35) against the tickets
 * they stand for, on {@link #TICKETS} tickets that the benchmark's own loader (src/bench/load-tickets-chunk.sql) spreads over
 * the 40 days before {@link #NOW}, with their orders, feedback and further calls, and work-order steps
 * ({@link #STEPS}). Counts must agree exactly, percentiles within
 * {@link DurationSketch#RELATIVE_ERROR}, also after the clock has moved on with the stored days as they were
 * (their pending changes, V36); a day the job stored is read from the tickets again as soon as a write changes it.
 */
@QuarkusTest
@TestProfile(FigureRollupTest.OwnDatabase.class)
class FigureRollupTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-figures;DB_CLOSE_DELAY=-1");
        }
    }

    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");
    /**
     * A million on PostgreSQL (its own database, made for this profile by PostgresTestDatabase), so that a 30-day
     * period holds about 750,000 tickets; 20,000 on H2, which loads them at a few thousand a second.
     */
    static final int TICKETS = PostgresTestDatabase.active() ? 1_000_000 : 20_000;
    static final int CHUNK = PostgresTestDatabase.active() ? 100_000 : 5_000;
    static final int DAYS = 40;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A 30-day period inside the loaded days; the weekly chart reaches a few days beyond it on either side. */
    static final LocalDate FROM = LocalDate.of(2026, 5, 14);
    static final LocalDate TO = LocalDate.of(2026, 6, 12);

    /**
     * The figures' definitions as SQL, as StatsService computed them before ticket_figures (parameters now and
     * undisputedBefore): the reference the stored days are checked against.
     */
    static final String RATE_COUNTS = " count(*),"
            + " sum(case when t.resolved_at is not null then 1 else 0 end),"
            + " sum(case when t.resolved_at is not null and t.resolved_at <= t.due_at then 1 else 0 end),"
            + " sum(case when t.dispatched_at is not null"
            + "   or (t.status <> 'CANCELLED' and t.dispatch_due_at < :now) then 1 else 0 end),"
            + " sum(case when t.dispatched_at is not null and t.dispatched_at <= t.dispatch_due_at then 1 else 0 end),"
            + " sum(case when t.status <> 'CANCELLED' then 1 else 0 end),"
            + " sum(case when t.resolved_at is not null and (f.resolved = true"
            + "   or (f.id is null and t.resolved_at < :undisputedBefore)) then 1 else 0 end)";
    static final String RATE_FROM = " from ticket t left join ticket_feedback f on f.ticket_id = t.id"
            + " and f.resolved_at = t.resolved_at";
    static final String SATISFACTION_COUNTS = " sum(case when f.rating >= 4 then 1 else 0 end), count(f.id)";
    static final String SATISFACTION_FROM = " from ticket t left join ticket_feedback f on f.ticket_id = t.id";
    /**
     * The unit ranking's step counts as RankingService read them from the tickets before ticket_figures_unit
     * (parameters periodFrom, periodTo, now): orders counted and accepted in time, returns, extension requests and
     * approvals, urgings, and resolutions late only against the original due time.
     */
    static final String UNIT_COUNTS = "select"
            + " (select count(*) from ticket t join ticket_assignment a on a.ticket_id = t.id where @COHORT@"
            + "   and a.accept_due_at is not null and (a.accepted_at is not null"
            + "   or a.accept_due_at < coalesce(a.released_at, t.cancelled_at, :now))),"
            + " (select count(*) from ticket t join ticket_assignment a on a.ticket_id = t.id where @COHORT@"
            + "   and a.accepted_at <= a.accept_due_at),"
            + " (select count(*) from ticket t join ticket_return r on r.ticket_id = t.id where @COHORT@),"
            + " (select count(*) from ticket t join ticket_extension e on e.ticket_id = t.id where @COHORT@),"
            + " (select count(*) from ticket t join ticket_extension e on e.ticket_id = t.id where @COHORT@"
            + "   and e.decision = 'APPROVED'),"
            + " (select count(*) from ticket t join ticket_urging u on u.ticket_id = t.id where @COHORT@),"
            + " (select count(*) from ticket t where @COHORT@ and t.id in (select e.ticket_id from ticket_extension e"
            + "   where e.decision = 'APPROVED') and t.resolved_at > t.original_due_at and t.resolved_at <= t.due_at)";
    /**
     * Work-order steps beside what the loader writes: acceptance targets on every 7th order (accepted in time,
     * late, or not yet), returns to two organizations, extension requests (every other one approved, with an
     * original due time two days before the new one) and urgings.
     */
    static final String[] STEPS = {
        "update ticket_assignment set accept_due_at = assigned_at + interval '2' hour, accepted_at = case"
                + " when mod(id, 3) = 0 then assigned_at + interval '1' hour"
                + " when mod(id, 3) = 1 then assigned_at + interval '3' hour end where mod(id, 7) = 0",
        "insert into ticket_return (ticket_id, organization_id, reason, returned_at, returned_by)"
                + " select t.id, case when mod(t.id, 100) = 0 then (select min(id) from organization)"
                + " else (select max(id) from organization) end, 'WRONG_ADDRESS', t.reported_at + interval '1' hour,"
                + " 'figure.test' from ticket t where mod(t.id, 50) = 0",
        "insert into ticket_extension (ticket_id, organization_id, requested_at, requested_by, due_at_before,"
                + " requested_due_at, reason, decision, decided_at, decided_by) select t.id, t.lead_organization_id,"
                + " t.reported_at + interval '2' hour, 'figure.test', t.due_at - interval '2' day, t.due_at, 'rain',"
                + " case when mod(t.id, 2) = 1 then 'APPROVED' end, case when mod(t.id, 2) = 1 then t.reported_at"
                + " + interval '3' hour end, case when mod(t.id, 2) = 1 then 'figure.test' end from ticket t"
                + " where mod(t.id, 40) in (1, 2) and t.lead_organization_id is not null",
        "update ticket set original_due_at = due_at - interval '2' day where id in (select ticket_id"
                + " from ticket_extension where decision = 'APPROVED')",
        "insert into ticket_urging (ticket_id, organization_id, urged_at, urged_by, note) select t.id,"
                + " (select min(id) from organization), t.reported_at + interval '5' hour, 'figure.test', 'hurry'"
                + " from ticket t where mod(t.id, 60) = 7",
    };

    private static boolean loaded;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    BackgroundJobs jobs;

    @BeforeEach
    void tickets() throws Exception {
        clock.freezeAt(NOW);
        if (loaded) {
            return;
        }
        String chunk = Files.readString(Path.of("src/bench/load-tickets-chunk.sql"));
        String finish = Files.readString(Path.of("src/bench/load-tickets-finish.sql"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            long base = single(statement, "SELECT COALESCE(MAX(id), 0) FROM ticket");
            long codeBase = single(statement, postgres
                    ? "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ticket_code_seq"
                    : "SELECT BASE_VALUE - 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_NAME) = 'ticket_code_seq'");
            for (int lo = 1; lo <= TICKETS; lo += CHUNK) {
                run(statement, fill(chunk, postgres, base, codeBase, lo, lo + CHUNK - 1));
            }
            run(statement, fill(finish, postgres, base, codeBase, 0, 0));
            for (String step : STEPS) {
                statement.execute(step);
            }
        }
        loaded = true;
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void storedDaysGiveTheFiguresOfTheTicketsThemselves() {
        forgetStoredDays();
        String fromTickets = summary();
        String rankingFromTickets = ranking();
        refreshAll();
        assertTrue(storedDays() >= DAYS, "the job stored every loaded day");
        String fromStoredDays = summary();
        // The same groups, merged the same way: equal to the last field, percentiles included.
        assertEquals(fromTickets, fromStoredDays);
        String rankingFromStoredDays = ranking();
        assertEquals(rankingFromTickets, rankingFromStoredDays);
        // And they do come from the stored days: one more in a stored row shows.
        tamperWith(FROM);
        assertEquals(JsonPath.from(fromStoredDays).getLong("reported") + 1, JsonPath.from(summary()).getLong("reported"));
        forgetStoredDays();
        refreshAll();

        JsonPath figures = JsonPath.from(fromStoredDays);
        Instant from = FROM.atStartOfDay(ZONE).toInstant();
        Instant to = TO.plusDays(1).atStartOfDay(ZONE).toInstant();
        // Against the SQL that defined the figures before ticket_figures (RATE_COUNTS): exact counts.
        Object[] rates = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select"
                + RATE_COUNTS + RATE_FROM + " where t.reported_at >= :periodFrom"
                + " and t.reported_at < :periodTo").setParameter("periodFrom", from).setParameter("periodTo", to)
                .setParameter("now", NOW).setParameter("undisputedBefore", NOW.minus(StatsService.UNDISPUTED_AFTER))
                .getSingleResult());
        assertTrue(count(rates[0]) > 10_000, "the period holds most of the loaded tickets");
        assertEquals(count(rates[0]), figures.getLong("reported"));
        assertEquals(count(rates[1]), figures.getLong("resolvedWithinSla.whole"));
        assertEquals(count(rates[2]), figures.getLong("resolvedWithinSla.part"));
        assertEquals(count(rates[3]), figures.getLong("responseRate.whole"));
        assertEquals(count(rates[4]), figures.getLong("responseRate.part"));
        assertEquals(count(rates[5]), figures.getLong("resolutionRate.whole"));
        assertEquals(count(rates[6]), figures.getLong("resolutionRate.part"));
        Object[] satisfaction = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select"
                + SATISFACTION_COUNTS + SATISFACTION_FROM + " where t.reported_at >= :periodFrom"
                + " and t.reported_at < :periodTo").setParameter("periodFrom", from).setParameter("periodTo", to)
                .getSingleResult());
        assertEquals(count(satisfaction[0]), figures.getLong("satisfactionRate.part"));
        assertTrue(count(satisfaction[1]) > 1000, "the loader gave feedback");
        assertEquals(count(satisfaction[1]), figures.getLong("satisfactionRate.whole"));

        // Percentiles against percentile_cont over the same tickets: within the sketch's stated error.
        Object[] exact = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select"
                + " count(t.seconds_to_resolve), percentile_cont(0.5) within group (order by t.seconds_to_resolve),"
                + " percentile_cont(0.9) within group (order by t.seconds_to_resolve),"
                + " percentile_cont(0.5) within group (order by t.seconds_to_dispatch)"
                + " from ticket t where t.reported_at >= :periodFrom and t.reported_at < :periodTo")
                .setParameter("periodFrom", from).setParameter("periodTo", to).getSingleResult());
        assertTrue(count(exact[0]) > DurationSketch.EXACT_LIMIT, "enough resolutions to need the histogram");
        assertEquals(count(exact[0]), figures.getLong("timeToResolve.count"));
        assertWithinError(exact[1], figures.getLong("timeToResolve.medianSeconds"));
        assertWithinError(exact[2], figures.getLong("timeToResolve.p90Seconds"));
        assertWithinError(exact[3], figures.getLong("timeToDispatch.medianSeconds"));

        // The ranking's step counts against the SQL that defined them (UNIT_COUNTS), on the overall line.
        JsonPath overall = JsonPath.from(rankingFromStoredDays).setRootPath("overall");
        Object[] steps = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(UNIT_COUNTS
                .replace("@COHORT@", "t.reported_at >= :periodFrom and t.reported_at < :periodTo"))
                .setParameter("periodFrom", from).setParameter("periodTo", to).setParameter("now", NOW)
                .getSingleResult());
        for (int i = 0; i < steps.length; i++) {
            assertTrue(count(steps[i]) > 0, "the period has steps of each kind (" + i + ")");
        }
        assertEquals(count(steps[0]), overall.getLong("acceptedWithinTarget.whole"));
        assertEquals(count(steps[1]), overall.getLong("acceptedWithinTarget.part"));
        assertEquals(count(steps[2]), overall.getLong("returns"));
        assertEquals(count(steps[3]), overall.getLong("extensionsRequested"));
        assertEquals(count(steps[4]), overall.getLong("extensionsApproved"));
        assertEquals(count(steps[5]), overall.getLong("urgings"));
        assertEquals(count(rates[2]) - count(steps[6]), overall.getLong("resolvedOnTimeOriginal.part"));
        // Steps count for the organization they name: the returns went to two organizations.
        assertTrue(JsonPath.from(rankingFromStoredDays).getList("organizations.findAll { it.returns > 0 }").size() >= 2);

        // Two days on, nothing written and the job not run: due times, dispatch targets and the 7 days without
        // dispute have passed for some of the period's tickets. The stored days with their pending changes say what
        // the tickets say then.
        Instant later = NOW.plus(Duration.ofDays(2));
        long passing = count(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*)"
                + " from ticket_figures_pending where report_day >= :first and report_day <= :last"
                + " and moment >= :now and moment < :later").setParameter("first", FROM).setParameter("last", TO)
                .setParameter("now", NOW).setParameter("later", later).getSingleResult()));
        assertTrue(passing > 0, "some of the period's pending changes pass in those two days");
        clock.freezeAt(later);
        String laterFromStoredDays = summary();
        String laterRanking = ranking();
        assertTrue(JsonPath.from(laterFromStoredDays).getLong("resolutionRate.part")
                > JsonPath.from(fromStoredDays).getLong("resolutionRate.part"), "resolutions became undisputed");
        assertNotEquals(JsonPath.from(fromStoredDays).getList("organizations"),
                JsonPath.from(laterFromStoredDays).getList("organizations"), "and tickets overdue");
        tamperWith(TO);
        assertEquals(JsonPath.from(laterFromStoredDays).getLong("reported") + 1,
                JsonPath.from(summary()).getLong("reported"), "the stored days are still read");
        assertEquals(laterFromStoredDays, fromTicketsOnly());
        assertEquals(laterRanking, ranking());
        clock.freezeAt(NOW);
        refreshAll();
    }

    @Test
    void aStepSendsItsDayBackToTheTickets() {
        refreshAll();
        String before = ranking();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ticket_urging (ticket_id,"
                + " organization_id, urged_at, urged_by, note) select t.id, t.lead_organization_id, :now,"
                + " 'figure.test', 'again' from ticket t where t.reported_at >= :from and t.reported_at < :to"
                + " and t.lead_organization_id is not null fetch first 1 rows only")
                .setParameter("from", FROM.plusDays(3).atStartOfDay(ZONE).toInstant())
                .setParameter("to", TO.atStartOfDay(ZONE).toInstant()).setParameter("now", NOW).executeUpdate());
        String after = ranking();
        assertEquals(JsonPath.from(before).getLong("overall.urgings") + 1, JsonPath.from(after).getLong("overall.urgings"),
                "the new urging counts at once");
        refreshAll();
        assertEquals(after, ranking(), "and the day computed again says the same");
    }

    @Test
    void aWriteSendsItsDayBackToTheTickets() {
        refreshAll();
        String before = summary();
        // A resolved ticket of the period that has no feedback yet gets a rating of 1 that disputes the resolution.
        Object[] ticket = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select t.id,"
                + " t.resolved_at from ticket t where t.resolved_at is not null and t.reported_at >= :from"
                + " and t.reported_at < :to and not exists (select 1 from ticket_feedback f where f.ticket_id = t.id)")
                .setParameter("from", FROM.plusDays(3).atStartOfDay(ZONE).toInstant())
                .setParameter("to", TO.atStartOfDay(ZONE).toInstant()).setMaxResults(1).getSingleResult());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into ticket_feedback (ticket_id,"
                + " resolved_at, rating, resolved, source, given_at) values (:ticket, :resolvedAt, 1, false,"
                + " 'FOLLOW_UP_CALL', :now)").setParameter("ticket", ticket[0])
                .setParameter("resolvedAt", StatsService.instant(ticket[1])).setParameter("now", NOW).executeUpdate());

        String after = summary();
        assertEquals(JsonPath.from(before).getLong("satisfactionRate.whole") + 1,
                JsonPath.from(after).getLong("satisfactionRate.whole"), "the new rating counts at once");
        assertEquals(fromTicketsOnly(), after);
        refreshAll();
        assertEquals(after, summary(), "and the day computed again says the same");
    }

    @Test
    void theClockChangesAStoredDayWithoutItsTickets() {
        // A call taken three days ago and not dispatched: its dispatch target (hours away) has not passed yet.
        Instant reported = NOW.minus(Duration.ofDays(3));
        clock.freezeAt(reported);
        String code = org.communitydesk.support.TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        clock.freezeAt(reported.plus(Duration.ofMinutes(5)));
        refreshAll();
        LocalDate day = LocalDate.ofInstant(reported, ZONE);
        String period = summary(day, day);
        assertEquals(period, fromTicketsOnly(day, day));
        refreshAll();

        // A day later the target has passed: the undispatched call counts in the response rate, though nothing was
        // written since the day was stored.
        clock.freezeAt(reported.plus(Duration.ofDays(1)));
        String dayLater = summary(day, day);
        // It and whichever loaded calls of that day were still waiting then.
        assertTrue(JsonPath.from(dayLater).getLong("responseRate.whole")
                > JsonPath.from(period).getLong("responseRate.whole"), code + " is counted as not dispatched in time");
        // From the stored day and its pending changes, not from the tickets: a change to its row shows.
        tamperWith(day);
        assertEquals(JsonPath.from(dayLater).getLong("reported") + 1, JsonPath.from(summary(day, day)).getLong("reported"));

        // The job computes the day again with the passed changes folded in: the same figures, no passed pending row.
        refreshAll();
        assertEquals(dayLater, summary(day, day));
        assertEquals(0L, count(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*)"
                + " from ticket_figures_pending where report_day = :day and moment < :now").setParameter("day", day)
                .setParameter("now", reported.plus(Duration.ofDays(1))).getSingleResult())), "no passed change is left");
        assertEquals(dayLater, fromTicketsOnly(day, day));
    }

    @Test
    void thePageReadsADayFromItsTicketsOnceForAllItsParts() {
        refreshAll();
        // A call taken now marks today: until the job runs again, today is read from its tickets.
        org.communitydesk.support.TicketApi.createTicket("sewer-blockage", "beixinyuan", "hongan");
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().when().get("/dashboard").then().statusCode(200);
        // Summary, trouble spots, ranking and map each need today; they share one read of its tickets. The trouble
        // spots' 90 days also reach back before the first loaded ticket, days that are never stored: one more read.
        assertEquals(2, ticketScans(statistics), "reads of tickets for the page");
        statistics.clear();
        given().when().get("/api/stats/summary").then().statusCode(200);
        given().when().get("/api/stats/ranking").then().statusCode(200);
        // Apart: the summary reads today (with the rest of the week), its trouble spots the early days and today,
        // and the ranking today again. The page would make five reads without sharing them.
        assertEquals(4, ticketScans(statistics), "reads of tickets for the summary and the ranking apart");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** How many times FigureScan read a period's tickets (its main query). */
    private static long ticketScans(Statistics statistics) {
        return java.util.Arrays.stream(statistics.getQueries()).filter(q -> q.startsWith("select t.id, t.reported_at,"))
                .mapToLong(q -> statistics.getQueryStatistics(q).getExecutionCount()).sum();
    }

    private static void assertWithinError(Object exact, long estimate) {
        double value = ((Number) exact).doubleValue();
        assertTrue(Math.abs(estimate - value) <= value * DurationSketch.RELATIVE_ERROR + 0.5,
                "estimate " + estimate + " is within 1% of the exact " + value);
    }

    private String summary() {
        return summary(FROM, TO);
    }

    private String summary(LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/api/stats/summary").then().statusCode(200).extract().asString();
    }

    private String ranking() {
        return given().queryParam("from", FROM.toString()).queryParam("to", TO.toString())
                .when().get("/api/stats/ranking").then().statusCode(200).extract().asString();
    }

    private String fromTicketsOnly() {
        return fromTicketsOnly(FROM, TO);
    }

    /** The summary with no stored day, so from the tickets alone. */
    private String fromTicketsOnly(LocalDate from, LocalDate to) {
        forgetStoredDays();
        return summary(from, to);
    }

    private void refreshAll() {
        // A run stops after its time budget; a few runs cover 40 days on any machine.
        for (int run = 0; run < 20 && jobs.figures().orElseThrow() > 0; run++) {
            assertTrue(storedDays() > 0);
        }
        assertEquals(0L, marks(), "no write is left unaccounted for");
    }

    /** One more ticket reported on the day, in a stored row of its own, as if the job had miscounted. */
    private void tamperWith(LocalDate day) {
        int added = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("insert into ticket_figures"
                + " (report_day, street_office_id, community_id, category_id, reported, resolved, within_sla,"
                + " response_counted, responded_in_time, not_cancelled, confirmed_resolved, satisfied, rated,"
                + " acceptance_counted, accepted_in_time, reopens, open_overdue, resolved_that_day,"
                + " seconds_to_dispatch, seconds_to_resolve) select report_day, street_office_id, community_id,"
                + " category_id, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, '', '' from ticket_figures"
                + " where report_day = :day and reported > 0 fetch first 1 rows only").setParameter("day", day)
                .executeUpdate());
        assertEquals(1, added);
    }

    private void forgetStoredDays() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from ticket_figures").executeUpdate();
            em.createNativeQuery("delete from ticket_figures_site").executeUpdate();
            em.createNativeQuery("delete from ticket_figures_unit").executeUpdate();
            em.createNativeQuery("delete from ticket_figures_pending").executeUpdate();
            em.createNativeQuery("delete from ticket_figures_day").executeUpdate();
        });
    }

    private long storedDays() {
        return count(QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("select count(*) from ticket_figures_day").getSingleResult()));
    }

    private long marks() {
        return count(QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("select count(*) from ticket_figures_stale").getSingleResult()));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static String fill(String template, boolean postgres, long base, long codeBase, long lo, long hi) {
        long span = DAYS * 86_400L;
        return template.replace("@SERIES@", postgres ? "generate_series" : "SYSTEM_RANGE")
                .replace("@UNLOGGED@", postgres ? "UNLOGGED" : "").replace("@ZONE@", ZONE.getId())
                .replace("@EPOCH@", "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'")
                .replace("@N@", String.valueOf(TICKETS)).replace("@BASE@", String.valueOf(base))
                .replace("@CODEBASE@", String.valueOf(codeBase)).replace("@NOW@", String.valueOf(NOW.getEpochSecond()))
                .replace("@SPAN@", String.valueOf(span)).replace("@LO@", String.valueOf(lo))
                .replace("@HI@", String.valueOf(hi)).replace("@NEXT_ID@", String.valueOf(base + TICKETS + 1))
                .replace("@NEXT_CODE@", String.valueOf(codeBase + TICKETS + 1));
    }

    /** Runs a script's statements: comment lines dropped, statements ended by ";" at a line's end. */
    private static void run(Statement statement, String script) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            sql.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String text = sql.toString().strip();
                statement.execute(text.substring(0, text.length() - 1));
                sql.setLength(0);
            }
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
