package org.communitydesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.communitydesk.security.AccountBootstrap;
import org.communitydesk.support.PackagedService;
import org.communitydesk.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two instances of the packaged jar on one fresh PostgreSQL database, started at the same moment
 * with demo data on, as behind a load balancer: nothing may depend on which instance answers.
 * Runs only with a PostgreSQL jar ({@code ./mvnw verify -Ppostgresql}); skipped on an H2 jar.
 *
 * <p>Each browser is a {@link WebSession}: one cookie jar sent to both instances, as a balancer would.
 * Both instances trust X-Forwarded-For (as behind a proxy), so that each check acts from an address
 * of its own and the per-address limits of one check do not spill into another.
 *
 * <p>The checks share the two instances (starting them is the slow part) but not their data: each
 * makes its own tickets and uses its own users. Only the order of the first check matters (it counts
 * the demo tickets before the others add theirs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    // --- What the checks rely on, each stated once -------------------------------------------------
    static final String ADMIN = "admin";
    /** Every demo user's password, the administrator's too when demo data creates it. */
    static final String PASSWORD = AccountBootstrap.DEMO_PASSWORD;
    /** The Datong seed stories of demo.DemoData. */
    static final int DEMO_TICKETS = 12;
    /** security.SignInThrottle.FREE_FROM_ADDRESS: wrong passwords from one address before it waits on that name. */
    static final int FREE_FAILURES = 3;
    /**
     * Failed public lookups per address within a minute before 429: resident.ClientThrottle.MAX_FAILURES
     * (ClientFailure.Kind.PUBLIC_LOOKUP.maxFailures once the shared limits are merged).
     */
    static final int FAILED_LOOKUPS_PER_ADDRESS = 60;
    /** Failed sign-ins per address within 5 minutes before 429: ClientFailure.Kind.SIGN_IN.maxFailures (issue 11, point 4). */
    static final int FAILED_SIGN_INS_PER_ADDRESS = 30;
    /** The auto-close job's interval setting (AppConfig.Jobs.AutoClose.every, issue 11, point 6). */
    static final String AUTO_CLOSE_EVERY = "communitydesk.jobs.auto-close.every";
    static final Duration JOB_INTERVAL = Duration.ofSeconds(2);
    /** How often each instance checks for another's change to areas (AppConfig.ReferenceData.checkEvery). */
    static final String REFERENCE_DATA_CHECK_EVERY = "communitydesk.reference-data.check-every";
    static final Duration REFERENCE_DATA_CHECK = Duration.ofSeconds(1);
    /** 振兴街社区's footprint centre (V6), as the ticket page's map link gives it when a ticket has no compound. */
    static final String ZHENXINGJIE_CENTRE = "geo:40.083000,113.318000";
    /** The PUBLIC event's wording when the job closes a ticket. */
    static final String AUTO_CLOSED = "自动办结";
    /** ticket.Ticket.FEEDBACK_WINDOW: a RESOLVED ticket older than this is closed by the job. */
    static final Duration FEEDBACK_WINDOW = Duration.ofDays(7);
    static final String SESSION_COOKIE = "quarkus-credential";
    /** Shown by a console page after a form whose CSRF token was refused (msg.properties flashFormExpired). */
    static final String FORM_EXPIRED = "表单已过期";
    static final Duration STARTUP = PackagedService.STARTUP_TIMEOUT;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "it-logs", "TwoInstancesIT");
    /** The address the administrator's API calls come from (TEST-NET-2, never a real client). */
    private static final String ADMIN_ADDRESS = "198.51.100.1";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PackagedService.Database database;
    PackagedService.Builder startA;
    PackagedService.Builder startB;
    PackagedService a;
    PackagedService b;
    /** Why an instance died during the simultaneous first start, if one did (it was started again). */
    String firstStartFailure;

    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (PackagedService instance : new PackagedService[] { a, b }) {
                if (instance != null) {
                    System.out.printf("%n--- %s: the end of instance %s's log (%s)%n%s%n", context.getDisplayName(),
                            instance.name(), instance.logFile(), instance.logTail(40));
                }
            }
        }
    };

    @BeforeAll
    void startTwoInstancesAtOnce() throws Exception {
        assumeTrue(PackagedService.builtForPostgres(),
                "Two instances need a shared PostgreSQL database; build the jar with ./mvnw verify -Ppostgresql");
        database = PackagedService.Database.fresh(LOGS);
        startA = instance("A");
        startB = instance("B");
        a = startA.start();
        b = startB.start();
        try {
            PackagedService.awaitReady(STARTUP, a, b);
        } catch (AssertionError died) {
            if (a.isAlive() && b.isAlive()) {
                throw died;
            }
            // Recorded for the first check; the others still get two instances to work with.
            firstStartFailure = died.getMessage();
            if (!a.isAlive()) {
                a = startA.start();
            }
            if (!b.isAlive()) {
                b = startB.start();
            }
            PackagedService.awaitReady(STARTUP, a, b);
        }
    }

    private PackagedService.Builder instance(String name) {
        return PackagedService.on(database, name, LOGS)
                .env("COMMUNITYDESK_DEMO_ENABLED", "true")
                // As an environment variable: an unknown communitydesk.* system property would stop the start.
                .env(environmentName(AUTO_CLOSE_EVERY), JOB_INTERVAL.toSeconds() + "s")
                .env(environmentName(REFERENCE_DATA_CHECK_EVERY), REFERENCE_DATA_CHECK.toSeconds() + "s")
                .property("quarkus.http.proxy.proxy-address-forwarding", "true")
                .property("quarkus.http.proxy.allow-x-forwarded", "true");
    }

    @AfterAll
    void stopBothAndDropTheDatabase() {
        for (PackagedService instance : new PackagedService[] { a, b }) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    // --- 1. One-time work done once ------------------------------------------------------------------

    @Test
    @Order(1)
    void bothInstancesStartAtTheSameMomentOnAnEmptyDatabase() {
        assertThat(firstStartFailure).as("both instances should start at the same moment on an empty database")
                .isNull();
    }

    @Test
    @Order(2)
    void oneAdministratorAndTheDemoTicketsOnceAfterASimultaneousFirstStart() throws Exception {
        for (PackagedService instance : List.of(a, b)) {
            JsonNode users = json(api(instance, ADMIN, PASSWORD, "GET", "/api/users", null, ADMIN_ADDRESS), 200);
            List<String> names = StreamSupport.stream(users.spliterator(), false).map(u -> u.get("username").asText())
                    .toList();
            assertThat(names).as("users seen by %s", instance.name()).containsOnlyOnce(ADMIN).doesNotHaveDuplicates();
            JsonNode tickets = json(api(instance, ADMIN, PASSWORD, "GET", "/api/tickets?size=100", null, ADMIN_ADDRESS), 200);
            assertThat(tickets.get("total").asLong()).as("tickets seen by %s", instance.name()).isEqualTo(DEMO_TICKETS);
        }
        assertThat(count("SELECT count(*) FROM app_user WHERE username = ?", ADMIN)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket")).isEqualTo(DEMO_TICKETS);
    }

    // --- 2. Sessions and CSRF-protected forms work on every instance, and across a restart -------------

    @Test
    @Order(3)
    void aSessionAndAFormFromOneInstanceAreAcceptedByTheOtherAndAfterARestart() throws Exception {
        String code = createTicket();
        String ticketPage = "/console/tickets/" + code;
        WebSession browser = new WebSession("198.51.100.2");
        HttpResponse<String> signIn = browser.signIn(a.uri("/"), ADMIN, PASSWORD);
        assertThat(signIn.statusCode()).as("sign-in on A").isEqualTo(302);
        assertThat(location(signIn)).doesNotContain("error");
        assertThat(browser.hasCookie(SESSION_COOKIE)).as("A's session cookie").isTrue();
        page(browser, a, "/console/tickets");

        HttpResponse<String> queue = browser.get(b.uri("/console/tickets"));
        assertThat(queue.statusCode()).as("B should accept the session made by A (it answered %s %s)",
                queue.statusCode(), location(queue)).isEqualTo(200);

        Map<String, String> formFromA = WebSession.hiddenFields(page(browser, a, ticketPage), "id=\"note-form\"");
        assertThat(formFromA).containsKey("_csrf");
        addNote(browser, b, code, formFromA, "B 收到 A 的表单 " + UUID.randomUUID());

        Map<String, String> beforeRestart = WebSession.hiddenFields(page(browser, a, ticketPage), "id=\"note-form\"");
        a.close();
        // The instances run with demo data, which a start refuses beside real tickets: this test's are demo too.
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into demo_ticket (ticket_id) select t.id from ticket t"
                    + " where not exists (select 1 from demo_ticket d where d.ticket_id = t.id)");
        }
        a = startA.start();
        PackagedService.awaitReady(STARTUP, a);
        addNote(browser, a, code, beforeRestart, "A 重启后收到重启前的表单 " + UUID.randomUUID());
    }

    private void addNote(WebSession browser, PackagedService to, String code, Map<String, String> form, String text) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("text", text);
        HttpResponse<String> posted = browser.postForm(to.uri("/console/tickets/" + code + "/notes"), fields);
        assertThat(posted.statusCode()).as("the note form posted to %s: %s", to.name(), posted.body()).isEqualTo(303);
        String path = URI.create(location(posted)).getPath();
        assertThat(path).isEqualTo("/console/tickets/" + code);
        String after = page(browser, to, path);
        assertThat(after).as("the ticket page on %s after the note", to.name())
                .doesNotContain(FORM_EXPIRED).contains(text);
    }

    // --- 3. A redirect's message reaches whichever instance answers the redirect ------------------------

    @Test
    @Order(4)
    void anIntakeOnOneInstanceShowsItsCodesOnTheOther() throws Exception {
        WebSession browser = new WebSession("198.51.100.3");
        assertThat(browser.signIn(a.uri("/"), ADMIN, PASSWORD).statusCode()).isEqualTo(302);
        Map<String, String> fields = WebSession.hiddenFields(page(browser, a, "/console/intake"),
                "action=\"/console/intake\"");
        fields.put("category", "sewer-blockage");
        fields.put("description", "两实例测试：宏安小区污水外溢");
        fields.put("reporterName", "测试居民");
        fields.put("reporterPhone", "13900000000");
        fields.put("community", "beixinyuan");
        fields.put("site", "hongan");
        fields.put("addressDetail", "3号楼");
        fields.put("priority", "NORMAL");
        fields.put("channel", "PHONE");
        fields.put("confirmed", "true");
        HttpResponse<String> posted = browser.postForm(a.uri("/console/intake"), fields);
        assertThat(posted.statusCode()).as("the intake on A: %s", posted.body()).isEqualTo(303);
        String path = URI.create(location(posted)).getPath();
        String code = path.substring(path.lastIndexOf('/') + 1);

        String onB = page(browser, b, path);
        assertThat(WebSession.textOf(onB, "issued-code")).as("the tracking code on B's page").isEqualTo(code);
        String accessCode = WebSession.textOf(onB, "issued-access-code");
        assertThat(accessCode).as("the access code on B's page").isNotBlank();
        HttpResponse<String> lookup = publicLookup(a, code, accessCode, "198.51.100.30");
        assertThat(lookup.statusCode()).as("the shown access code opens the ticket: %s", lookup.body()).isEqualTo(200);

        // Shown once, and never on another ticket's page, on either instance.
        assertThat(WebSession.textOf(page(browser, a, path), "issued-access-code")).isNull();
        String otherTicket = createTicket();
        assertThat(WebSession.textOf(page(browser, a, "/console/tickets/" + otherTicket), "issued-access-code")).isNull();
        assertThat(WebSession.textOf(page(browser, b, "/console/tickets/" + otherTicket), "issued-access-code")).isNull();
    }

    // --- 4. Sign-in checks see the other instance's changes at once -------------------------------------

    @Test
    @Order(5)
    void failedSignInsOnOneInstanceDelayThatAddressOnTheOtherAndNobodyElse() throws Exception {
        String user = "huaiyuan.staff";
        String address = "198.51.100.4";
        assertThat(api(b, user, PASSWORD, "GET", "/api/me", null, address).statusCode())
                .as("B verifies (and caches) the good password").isEqualTo(200);
        // The services keep real time: fail on A until the address's delay is 16 s (3 free failures, then 1, 2, 4
        // and 8 s waited out), so that it is surely still running when B is asked right after.
        int failures = 0;
        for (int attempt = 1; failures < FREE_FAILURES + 4 && attempt <= 40; attempt++) {
            HttpResponse<String> answer = api(a, user, "wrong-password-" + attempt, "GET", "/api/me", null, address);
            if (answer.statusCode() == 429) {
                long wait = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1"));
                Thread.sleep(wait * 1000 + 100);
            } else {
                assertThat(answer.statusCode()).as("wrong password %d on A", attempt).isEqualTo(401);
                failures++;
            }
        }
        assertThat(failures).as("failures counted on A").isEqualTo(FREE_FAILURES + 4);
        assertThat(api(b, user, PASSWORD, "GET", "/api/me", null, address).statusCode())
                .as("B must make the address that failed on A wait, though it had the good password cached")
                .isEqualTo(429);
        assertThat(api(b, user, PASSWORD, "GET", "/api/me", null, "198.51.100.14").statusCode())
                .as("the user from another address is not kept out").isEqualTo(200);
    }

    @Test
    @Order(5)
    void aSignOutOnOneInstanceEndsACopyOfTheSessionOnTheOther() throws Exception {
        WebSession browser = new WebSession("198.51.100.24");
        assertThat(browser.signIn(a.uri("/"), "beixinyuan.staff", PASSWORD).statusCode()).isEqualTo(302);
        WebSession copy = browser.copy();
        assertThat(copy.get(b.uri("/console/tickets")).statusCode()).as("the copy works on B").isEqualTo(200);

        assertThat(browser.postForm(a.uri("/logout"), Map.of()).statusCode()).as("sign-out on A").isEqualTo(303);

        var afterSignOut = copy.get(b.uri("/console/tickets"));
        // Signed out: the page sends the browser to sign in again (PageSignInTest), it does not open.
        assertThat(afterSignOut.statusCode()).as("the copy after the sign-out, on B").isEqualTo(303);
        assertThat(afterSignOut.headers().firstValue("Location")).get().asString().contains("/login?next=");
    }

    @Test
    @Order(6)
    void aUserDisabledOnOneInstanceIsRefusedByTheOtherAtOnce() throws Exception {
        String user = "zhenxingjie.staff";
        String address = "198.51.100.5";
        assertThat(api(b, user, PASSWORD, "GET", "/api/me", null, address).statusCode())
                .as("B verifies (and caches) the good password").isEqualTo(200);
        HttpResponse<String> disabled = api(a, ADMIN, PASSWORD, "POST", "/api/users/" + user + "/disable", "",
                ADMIN_ADDRESS);
        assertThat(disabled.statusCode()).as("disable on A: %s", disabled.body()).isEqualTo(200);
        assertThat(api(b, user, PASSWORD, "GET", "/api/me", null, address).statusCode())
                .as("B must refuse a user disabled on A at once, though it had the good password cached").isEqualTo(401);
    }

    // --- 5. Per-address limits are counted across instances ---------------------------------------------

    @Test
    @Order(7)
    void failedPublicLookupsFromOneAddressAreCountedAcrossBothInstances() throws Exception {
        String code = createTicket();
        String address = "198.51.100.6";
        for (int failure = 1; failure <= FAILED_LOOKUPS_PER_ADDRESS; failure++) {
            PackagedService to = failure % 2 == 0 ? b : a;
            HttpResponse<String> lookup = publicLookup(to, code, "WRONG-" + failure, address);
            assertThat(lookup.statusCode()).as("failed lookup %d (on %s)", failure, to.name()).isEqualTo(404);
        }
        for (PackagedService to : List.of(a, b)) {
            assertThat(publicLookup(to, code, "WRONG-AGAIN", address).statusCode())
                    .as("after %d failed lookups in all, %s must refuse (counted per instance, the 429 came only after %d)",
                            FAILED_LOOKUPS_PER_ADDRESS, to.name(), 2 * FAILED_LOOKUPS_PER_ADDRESS)
                    .isEqualTo(429);
        }
    }

    @Test
    @Order(8)
    void failedSignInsFromOneAddressAreCountedAcrossBothInstances() throws Exception {
        String address = "198.51.100.7";
        for (int failure = 1; failure <= FAILED_SIGN_INS_PER_ADDRESS; failure++) {
            PackagedService to = failure % 2 == 0 ? b : a;
            // Unknown user names: each still costs a bcrypt check unless the address is limited.
            HttpResponse<String> signIn = api(to, "nobody-" + failure, "wrong-password", "GET", "/api/me", null, address);
            assertThat(signIn.statusCode()).as("failed sign-in %d (on %s)", failure, to.name()).isEqualTo(401);
        }
        for (PackagedService to : List.of(a, b)) {
            assertThat(api(to, "nobody-again", "wrong-password", "GET", "/api/me", null, address).statusCode())
                    .as("after %d failed sign-ins in all, %s must refuse the address", FAILED_SIGN_INS_PER_ADDRESS,
                            to.name())
                    .isEqualTo(429);
        }
    }

    // --- 6. A background job runs once across instances ---------------------------------------------------

    /**
     * A ticket is resolved through the API, then its times are moved 8 days back with SQL on the test's
     * own database: the service has no way to resolve in the past, and waiting 7 days is no test.
     */
    @Test
    @Order(9)
    void aResolvedTicketPastTheFeedbackWindowIsClosedOnceByTheJob() throws Exception {
        String code = createTicket();
        move(code, "dispatch", "{\"assignments\":[{\"organizationCode\":\"tongda-dredging\",\"role\":\"LEAD\"}]}");
        move(code, "start", "{}");
        move(code, "resolve", "{\"resolution\":\"疏通管道\",\"rootCause\":\"油污结块\"}");
        backdate(code, FEEDBACK_WINDOW.plusDays(1));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = null;
        while (System.nanoTime() < deadline && !"CLOSED".equals(status)) {
            Thread.sleep(500);
            status = json(api(b, ADMIN, PASSWORD, "GET", "/api/tickets/" + code, null, ADMIN_ADDRESS), 200)
                    .get("status").asText();
        }
        assertThat(status).as("the ticket resolved %d days ago, with the job every %s (%s)",
                FEEDBACK_WINDOW.plusDays(1).toDays(), JOB_INTERVAL, AUTO_CLOSE_EVERY).isEqualTo("CLOSED");
        // Give the other instance a few runs in which it could close the ticket a second time.
        Thread.sleep(JOB_INTERVAL.multipliedBy(3).toMillis());
        JsonNode events = json(api(a, ADMIN, PASSWORD, "GET", "/api/tickets/" + code + "/events", null, ADMIN_ADDRESS), 200);
        List<JsonNode> autoClosed = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.hasNonNull("note") && e.get("note").asText().contains(AUTO_CLOSED)).toList();
        assertThat(autoClosed).as("events saying %s", AUTO_CLOSED).hasSize(1);
        assertThat(autoClosed.get(0).get("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(count("SELECT count(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id "
                + "WHERE t.code = ? AND e.to_status = 'CLOSED'", code)).as("CLOSED events").isEqualTo(1);
    }

    // --- 7. Areas are cached on each instance, and a change on one reaches the other -----------------------

    @Test
    @Order(10)
    void aCommunityPlacedOnOneInstanceIsShownByTheOtherAfterItsNextCheck() throws Exception {
        String body = """
                {"categoryCode":"street-light","description":"两实例测试：路灯不亮","channel":"PHONE",
                 "reporter":{"name":"测试居民","phone":"13900000000"},
                 "location":{"communityCode":"zhenxingjie","addressDetail":"振兴街口"}}""";
        String code = json(api(a, ADMIN, PASSWORD, "POST", "/api/tickets", body, ADMIN_ADDRESS), 201).get("code").asText();
        String ticketPage = "/console/tickets/" + code;
        WebSession browser = new WebSession("198.51.100.8");
        assertThat(browser.signIn(b.uri("/"), ADMIN, PASSWORD).statusCode()).as("sign-in on B").isEqualTo(302);
        assertThat(mapLink(page(browser, b, ticketPage))).as("B's map link: the community's centre, now cached on B")
                .isEqualTo(ZHENXINGJIE_CENTRE);

        json(api(a, ADMIN, PASSWORD, "PUT", "/api/areas/zhenxingjie/footprint",
                "{\"latitude\":40.0840,\"longitude\":113.3180,\"radiusMetres\":500}", ADMIN_ADDRESS), 200);

        String moved = "geo:40.084000,113.318000";
        long deadline = System.nanoTime() + REFERENCE_DATA_CHECK.multipliedBy(10).toNanos();
        String onB = mapLink(page(browser, b, ticketPage));
        while (!moved.equals(onB) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            onB = mapLink(page(browser, b, ticketPage));
        }
        assertThat(onB).as("B's map link %s after the footprint was placed on A, with a check every %s",
                REFERENCE_DATA_CHECK.multipliedBy(10), REFERENCE_DATA_CHECK).isEqualTo(moved);
    }

    /** The "open in the map app" link's position (geo:lat,lon) on a ticket page. */
    private static String mapLink(String page) {
        Matcher link = Pattern.compile("id=\"map-app-link\" href=\"(geo:[0-9.]+,[0-9.]+)")
                .matcher(page);
        return link.find() ? link.group(1) : null;
    }

    private void backdate(String code, Duration by) throws SQLException {
        String interval = "interval '" + by.toSeconds() + " seconds'";
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            update(connection, "UPDATE ticket SET reported_at = reported_at - " + interval
                    + ", dispatch_due_at = dispatch_due_at - " + interval + ", due_at = due_at - " + interval
                    + ", dispatched_at = dispatched_at - " + interval + ", started_at = started_at - " + interval
                    + ", resolved_at = resolved_at - " + interval + ", updated_at = updated_at - " + interval
                    + " WHERE code = ? AND status = 'RESOLVED'", code, 1);
            update(connection, "UPDATE ticket_event SET occurred_at = occurred_at - " + interval
                    + " WHERE ticket_id = (SELECT id FROM ticket WHERE code = ?)", code, -1);
            update(connection, "UPDATE ticket_assignment SET assigned_at = assigned_at - " + interval
                    + " WHERE ticket_id = (SELECT id FROM ticket WHERE code = ?)", code, -1);
            connection.commit();
        }
    }

    private static void update(Connection connection, String sql, String code, int expectedRows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, code);
            int rows = statement.executeUpdate();
            if (expectedRows >= 0) {
                assertThat(rows).as(sql).isEqualTo(expectedRows);
            }
        }
    }

    // --- Plumbing ----------------------------------------------------------------------------------------

    /** A new ticket made by the administrator through A's API; its tracking code. */
    private String createTicket() throws Exception {
        String body = """
                {"categoryCode":"sewer-blockage","description":"两实例测试","channel":"PHONE",
                 "reporter":{"name":"测试居民","phone":"13900000000"},
                 "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}""";
        return json(api(a, ADMIN, PASSWORD, "POST", "/api/tickets", body, ADMIN_ADDRESS), 201).get("code").asText();
    }

    private void move(String code, String action, String body) throws Exception {
        json(api(a, ADMIN, PASSWORD, "POST", "/api/tickets/" + code + "/" + action, body, ADMIN_ADDRESS), 200);
    }

    private HttpResponse<String> api(PackagedService to, String username, String password, String method, String path,
            String jsonBody, String clientAddress) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(to.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .header("X-Forwarded-For", clientAddress);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> publicLookup(PackagedService to, String code, String accessCode, String clientAddress)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(to.uri("/api/public/tickets/" + code)).timeout(Duration.ofSeconds(30))
                .header("X-Access-Code", accessCode).header("X-Forwarded-For", clientAddress).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws IOException {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static String page(WebSession browser, PackagedService from, String path) {
        HttpResponse<String> response = browser.get(from.uri(path));
        assertThat(response.statusCode()).as("GET %s on %s (redirected to %s)", path, from.name(), location(response))
                .isEqualTo(200);
        return response.body();
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The environment variable Quarkus reads for a setting (communitydesk.a-b.c: COMMUNITYDESK_A_B_C). */
    private static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
