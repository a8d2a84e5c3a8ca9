package org.communitydesk.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.security.Role.ADMIN;
import static org.communitydesk.security.Role.CONTRACTOR;
import static org.communitydesk.security.Role.STAFF;
import static org.communitydesk.security.Role.SUPERVISOR;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.intake;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.communitydesk.support.TicketApi.walk;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what, for every operation of the committed openapi/openapi.yaml. The table below
 * classifies each operationId as PUBLIC or by the roles allowed; an operation the table does not
 * know (or a table entry the spec lacks) fails {@link #everyOperationOfTheSpecIsClassified()}.
 * Every call is made on a fresh ticket (or user) in the caller's scope, with a body the operation
 * accepts, so that allowed means 2xx and denied can only come from the role check.
 */
@QuarkusTest
class RoleMatrixTest {

    static final Path SPEC = Path.of("openapi", "openapi.yaml");
    static final String PROBLEM_JSON = "application/problem+json";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    /** What the call's path parameters name. Tickets are at 宏安小区 (北馨园社区), so in everyone's scope once dispatched. */
    enum Target {
        NOTHING,
        /** Not yet dispatched: outside the contractor's scope, so only roles denied anyway are tried there. */
        REPORTED_TICKET,
        /** Dispatched with tongda-dredging as LEAD. */
        DISPATCHED_TICKET,
        IN_PROGRESS_TICKET,
        /** Dispatched, with an extension request (延期申请) waiting for the street office's decision. */
        EXTENSION_ASKED_TICKET,
        RESOLVED_TICKET,
        /** A STAFF user made for this call, never the administrator. */
        THROWAWAY_USER,
        /** The same, disabled by the administrator, so that enabling it changes something. */
        DISABLED_USER,
        /** An Open311 API key issued by the administrator for this call. */
        OPEN311_KEY,
        /** A PENDING notification: a dispatch told to a robot the administrator registered for this call. */
        NOTIFICATION,
        /** A robot the administrator registered for this call. */
        NOTIFICATION_TARGET,
        /** An integration's webhook the administrator registered for this call. */
        WEBHOOK,
        /** A PUBLIC photo the administrator added to a dispatched ticket for this call. */
        PUBLIC_PHOTO,
        /** {@link #MATRIX_DAY}, made a holiday by the administrator for this call. */
        CALENDAR_DAY,
        /** A media_url host the administrator allowed for this call ({@link #mediaHost}). */
        MEDIA_HOST
    }

    /** The working calendar's day for its calls: a Thursday of a year no other test uses. */
    static final String MATRIX_DAY = "2099-12-31";

    /** The body of a calendar import: send() makes it a multipart request with this file. */
    record CalendarUpload(String csv) {
    }

    /** One way to call an operation, and the roles that may; a public case needs no credentials at all. */
    record Case(Target target, Set<Role> allowed, boolean isPublic) {

        @Override
        public String toString() {
            return target.name().toLowerCase().replace('_', ' ');
        }
    }

    /**
     * The classification of one operation, and a body it accepts (made from a token unique to the call).
     * {@code passedProblem}, when set, is a problem type that an allowed call may answer instead of 2xx
     * because of what the suite's database is, never because of the caller; it still proves the role check passed.
     */
    record Rule(List<Case> cases, Function<String, Object> body, String passedProblem) {

        Rule(List<Case> cases, Function<String, Object> body) {
            this(cases, body, null);
        }

        boolean isPublic() {
            return cases.get(0).isPublic();
        }

        boolean accepts(Response answer) {
            if (answer.statusCode() >= 200 && answer.statusCode() <= 299) {
                return true;
            }
            return passedProblem != null && answer.statusCode() == 409 && answer.contentType().startsWith(PROBLEM_JSON)
                    && passedProblem.equals(answer.path("type"));
        }
    }

    static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    static final Set<Role> OFFICES = EnumSet.of(STAFF, SUPERVISOR, ADMIN);

    /** As in V2__datong_reference_data.sql. */
    static final Map<String, Object> SEEDED_ORGANIZATION = Map.of("code", "yingbin-enforcement", "kind", "AGENCY",
            "nameZh", "迎宾街道综合行政执法队", "nameEn", "Yingbin Street Office Law-Enforcement Team",
            "contactPhone", "0352-2069012");
    static final Map<String, Object> SEEDED_SITE = Map.of("code", "huaiyuan-north", "nameZh", "槐园北区",
            "nameEn", "Huaiyuan North Compound", "communityCode", "huaiyuan", "propertyManaged", true,
            "propertyManagerCode", "zhongrui-property");

    /** The body of a photo upload: send() makes it a multipart request. */
    static final Object PHOTO_UPLOAD = new Object();

    static final Map<String, Rule> TABLE = Map.ofEntries(
            Map.entry("listAreas", publicRead()),
            Map.entry("listSites", publicRead()),
            Map.entry("listOrganizations", publicRead()),
            Map.entry("listCategories", publicRead()),
            Map.entry("createOrganization", rule(Target.NOTHING, EnumSet.of(ADMIN), RoleMatrixTest::organizationBody)),
            // Updates rewrite a seeded entry with its own values, so that an allowed call changes nothing shared.
            Map.entry("updateOrganization", rule(Target.NOTHING, EnumSet.of(ADMIN), token -> SEEDED_ORGANIZATION)),
            Map.entry("createSite", rule(Target.NOTHING, EnumSet.of(ADMIN), RoleMatrixTest::siteBody)),
            Map.entry("updateSite", rule(Target.NOTHING, EnumSet.of(ADMIN), token -> SEEDED_SITE)),
            // Footprints: a compound of the test's own, far from every point other tests report at; the community
            // keeps the footprint it has (V6).
            Map.entry("placeSite", rule(Target.NOTHING, EnumSet.of(ADMIN),
                    token -> Map.of("latitude", 40.2, "longitude", 113.6, "radiusMetres", 50))),
            Map.entry("unplaceSite", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("placeCommunity", rule(Target.NOTHING, EnumSet.of(ADMIN),
                    token -> Map.of("latitude", 40.0905, "longitude", 113.3300, "radiusMetres", 500))),

            // Photos: a NOTE photo may be added by whoever may add a note; PUBLIC photos open without a login.
            Map.entry("addTicketPhotos", rule(Target.DISPATCHED_TICKET, EVERY_ROLE, token -> PHOTO_UPLOAD)),
            Map.entry("listTicketPhotos", rule(Target.DISPATCHED_TICKET, EVERY_ROLE)),
            Map.entry("getPhoto", publicCall(Target.PUBLIC_PHOTO, null)),
            Map.entry("getPhotoThumbnail", publicCall(Target.PUBLIC_PHOTO, null)),
            Map.entry("removePhoto", rule(Target.PUBLIC_PHOTO, EnumSet.of(ADMIN), token -> Map.of("reason", "矩阵测试 " + token))),

            Map.entry("getCurrentUser", rule(Target.NOTHING, EVERY_ROLE)),
            // Each caller sets the password it has again, so that the callers of later calls keep theirs.
            Map.entry("changeOwnPassword", rule(Target.NOTHING, EVERY_ROLE,
                    token -> Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", TestUsers.PASSWORD))),

            Map.entry("searchTickets", rule(Target.NOTHING, EVERY_ROLE)),
            Map.entry("getTicket", rule(Target.DISPATCHED_TICKET, EVERY_ROLE)),
            Map.entry("listTicketEvents", rule(Target.DISPATCHED_TICKET, EVERY_ROLE)),
            Map.entry("createTicket", rule(Target.NOTHING, OFFICES, RoleMatrixTest::ticketIntake)),
            Map.entry("addTicketReport", rule(Target.DISPATCHED_TICKET, OFFICES,
                    token -> Map.of("reporter", Map.of("name", "另一位居民", "phone", "13900000001"), "channel", "PHONE"))),
            Map.entry("addTicketNote", rule(Target.DISPATCHED_TICKET, EVERY_ROLE,
                    token -> Map.of("text", "矩阵测试 " + token))),
            // Staff dispatch a new ticket; changing the organizations of a dispatched one is for supervisors.
            // The new assignments keep tongda-dredging as LEAD, so the ticket stays in everyone's scope.
            Map.entry("dispatchTicket", new Rule(List.of(
                    new Case(Target.REPORTED_TICKET, OFFICES, false),
                    new Case(Target.DISPATCHED_TICKET, EnumSet.of(SUPERVISOR, ADMIN), false)),
                    token -> dispatchBody("tongda-dredging", "datong-sewage"))),
            Map.entry("startTicket", rule(Target.DISPATCHED_TICKET, EnumSet.of(CONTRACTOR, ADMIN), token -> Map.of())),
            // The crew accepts its own organization's order; the administrator records it for the one it names.
            Map.entry("acceptTicket", rule(Target.DISPATCHED_TICKET, EnumSet.of(CONTRACTOR, ADMIN),
                    token -> Map.of("organizationCode", "tongda-dredging"))),
            // 退单: the lead's crew (tongda-dredging) returns the order; the administrator records it for the lead.
            Map.entry("returnTicket", rule(Target.DISPATCHED_TICKET, EnumSet.of(CONTRACTOR, ADMIN),
                    token -> validBodyFor("return"))),
            // 延期申请: the lead's crew (or the administrator) asks; the street office's supervisor decides.
            Map.entry("requestTicketExtension", rule(Target.DISPATCHED_TICKET, EnumSet.of(CONTRACTOR, ADMIN),
                    token -> validBodyFor("request-extension"))),
            Map.entry("approveTicketExtension", rule(Target.EXTENSION_ASKED_TICKET, EnumSet.of(SUPERVISOR, ADMIN),
                    token -> Map.of())),
            Map.entry("rejectTicketExtension", rule(Target.EXTENSION_ASKED_TICKET, EnumSet.of(SUPERVISOR, ADMIN),
                    token -> validBodyFor("reject-extension"))),
            // Supervisors urge (督办) an at-risk or overdue ticket; the matrix's fresh ticket is neither, so an allowed
            // call answers 409 illegal-transition past the role check (UrgeTicketTest urges an overdue one).
            Map.entry("urgeTicket", new Rule(List.of(new Case(Target.DISPATCHED_TICKET, EnumSet.of(SUPERVISOR, ADMIN),
                    false)), token -> Map.of("note", "矩阵测试 " + token), "urn:communitydesk:problem:illegal-transition")),
            // The offices pause (挂起) and resume; the fresh ticket is not paused, so resume answers 409 past the role check.
            Map.entry("pauseTicket", rule(Target.DISPATCHED_TICKET, OFFICES, token -> validBodyFor("pause"))),
            Map.entry("resumeTicket", new Rule(List.of(new Case(Target.DISPATCHED_TICKET, OFFICES, false)),
                    token -> Map.of(), "urn:communitydesk:problem:illegal-transition")),
            Map.entry("resolveTicket", rule(Target.IN_PROGRESS_TICKET, EnumSet.of(CONTRACTOR, ADMIN),
                    token -> validBodyFor("resolve"))),
            Map.entry("closeTicket", rule(Target.RESOLVED_TICKET, OFFICES, token -> Map.of())),
            Map.entry("cancelTicket", rule(Target.DISPATCHED_TICKET, OFFICES, token -> validBodyFor("cancel"))),
            Map.entry("reopenTicket", rule(Target.RESOLVED_TICKET, EnumSet.of(SUPERVISOR, ADMIN),
                    token -> validBodyFor("reopen"))),
            Map.entry("recordFollowUpFeedback", rule(Target.RESOLVED_TICKET, OFFICES,
                    token -> Map.of("rating", 5, "resolved", true, "comment", "回访 " + token))),
            Map.entry("reissueAccessCode", rule(Target.DISPATCHED_TICKET, OFFICES)),
            Map.entry("liftAccessBlocks", rule(Target.DISPATCHED_TICKET, OFFICES)),
            // Residents open their ticket with its access code, with or without an account.
            Map.entry("getPublicTicketStatus", publicCall(Target.DISPATCHED_TICKET, null)),
            Map.entry("givePublicFeedback", publicCall(Target.RESOLVED_TICKET,
                    token -> Map.of("rating", 4, "resolved", true))),
            Map.entry("stopPublicTextMessages", publicCall(Target.DISPATCHED_TICKET, null)),

            // Notifications: ADMIN only. A retry of a message that has not FAILED answers 409 past the role check.
            Map.entry("listNotifications", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("retryNotification", new Rule(List.of(new Case(Target.NOTIFICATION, EnumSet.of(ADMIN), false)), null,
                    "urn:communitydesk:problem:conflict")),
            Map.entry("listNotificationTargets", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("addNotificationTarget", rule(Target.NOTHING, EnumSet.of(ADMIN), RoleMatrixTest::robotBody)),
            Map.entry("removeNotificationTarget", rule(Target.NOTIFICATION_TARGET, EnumSet.of(ADMIN))),
            Map.entry("listWebhooks", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("addWebhook", rule(Target.NOTHING, EnumSet.of(ADMIN), RoleMatrixTest::webhookBody)),
            Map.entry("removeWebhook", rule(Target.WEBHOOK, EnumSet.of(ADMIN))),
            // The hosts Open311's media_url is fetched from: ADMIN only.
            Map.entry("listOpen311MediaHosts", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("allowOpen311MediaHost", rule(Target.NOTHING, EnumSet.of(ADMIN),
                    token -> Map.of("host", mediaHost(token)))),
            Map.entry("removeOpen311MediaHost", rule(Target.MEDIA_HOST, EnumSet.of(ADMIN))),

            Map.entry("getStatsSummary", rule(Target.NOTHING, OFFICES)),
            Map.entry("getStatsRanking", rule(Target.NOTHING, OFFICES)),

            // Open311 GeoReport v2: reads are public; a POST needs an API key, not a login.
            Map.entry("getOpen311Discovery", publicRead()),
            Map.entry("listOpen311Services", publicRead()),
            Map.entry("getOpen311ServiceDefinition", publicRead()),
            Map.entry("listOpen311Requests", publicRead()),
            Map.entry("listOpen311RequestUpdates", publicRead()),
            Map.entry("getOpen311Request", publicCall(Target.DISPATCHED_TICKET, null)),
            Map.entry("createOpen311Request", publicCall(Target.NOTHING, RoleMatrixTest::open311Form)),
            Map.entry("issueOpen311Key", rule(Target.NOTHING, EnumSet.of(ADMIN),
                    token -> Map.of("application", "矩阵测试应用 " + token))),
            Map.entry("listOpen311Keys", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("getOpen311Key", rule(Target.OPEN311_KEY, EnumSet.of(ADMIN))),
            Map.entry("revokeOpen311Key", rule(Target.OPEN311_KEY, EnumSet.of(ADMIN))),

            Map.entry("listUsers", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("createUser", rule(Target.NOTHING, EnumSet.of(ADMIN),
                    token -> TestUsers.userBody(createdUserName(token), "STAFF", "communityCode", "beixinyuan"))),
            Map.entry("getUser", rule(Target.THROWAWAY_USER, EnumSet.of(ADMIN))),
            Map.entry("enableUser", rule(Target.DISABLED_USER, EnumSet.of(ADMIN))),
            Map.entry("disableUser", rule(Target.THROWAWAY_USER, EnumSet.of(ADMIN))),
            Map.entry("resetUserPassword", rule(Target.THROWAWAY_USER, EnumSet.of(ADMIN),
                    token -> Map.of("password", "reset-" + token))),
            Map.entry("setUserEmail", rule(Target.THROWAWAY_USER, EnumSet.of(ADMIN),
                    token -> Map.of("email", token + "@example.test"))),
            Map.entry("listSecurityEvents", rule(Target.NOTHING, EnumSet.of(ADMIN))),

            // The working calendar: ADMIN only; the calls work on a day of 2099 that the administrator lists first.
            Map.entry("getCalendarYear", rule(Target.NOTHING, EnumSet.of(ADMIN))),
            Map.entry("setCalendarDay", rule(Target.CALENDAR_DAY, EnumSet.of(ADMIN),
                    token -> Map.of("kind", "HOLIDAY", "name", "矩阵测试 " + token))),
            Map.entry("removeCalendarDay", rule(Target.CALENDAR_DAY, EnumSet.of(ADMIN))),
            Map.entry("importCalendar", rule(Target.CALENDAR_DAY, EnumSet.of(ADMIN),
                    token -> new CalendarUpload("date,kind,name\n" + MATRIX_DAY + ",HOLIDAY,矩阵测试 " + token + "\n"))),
            Map.entry("computeDueTime", rule(Target.NOTHING, EnumSet.of(ADMIN))),

            // The suite's databases (in-memory H2, PostgreSQL) have no H2 file to copy, so past the role check the
            // backup answers 409 backup-unavailable (BackupResourceTest); BackupRestoreIT takes real ones.
            Map.entry("createBackup", new Rule(List.of(new Case(Target.NOTHING, EnumSet.of(ADMIN), false)), null,
                    "urn:communitydesk:problem:backup-unavailable")));

    /** One operation of the spec. */
    record Operation(String method, String path, String operationId, JsonNode node) {

        @Override
        public String toString() {
            return operationId + " (" + method.toUpperCase() + " " + path + ")";
        }
    }

    // --- The spec and the table agree -------------------------------------------------------------------

    @Test
    void everyOperationOfTheSpecIsClassified() {
        Set<String> inSpec = operations().stream().map(Operation::operationId).collect(Collectors.toCollection(TreeSet::new));

        Set<String> unclassified = new TreeSet<>(inSpec);
        unclassified.removeAll(TABLE.keySet());
        Set<String> unknown = new TreeSet<>(TABLE.keySet());
        unknown.removeAll(inSpec);

        assertThat(unclassified)
                .as("operations in %s that RoleMatrixTest.TABLE does not classify; add each as PUBLIC or with "
                        + "the roles allowed", SPEC)
                .isEmpty();
        assertThat(unknown)
                .as("operations in RoleMatrixTest.TABLE that %s does not have; remove or rename them", SPEC)
                .isEmpty();
        assertThat(operations()).extracting(Operation::operationId).doesNotHaveDuplicates();
    }

    @Test
    void theSpecDeclaresHttpBasicAuthentication() {
        assertThat(basicSchemes()).as("security schemes of type http, scheme basic, in %s", SPEC).hasSize(1);
    }

    @Test
    void everyProtectedOperationRequiresBasicAuthenticationAndDocuments401And403() {
        assertThat(basicSchemes()).isNotEmpty();
        String scheme = basicSchemes().get(0);
        List<String> problems = new ArrayList<>();
        for (Operation operation : classifiedOperations()) {
            JsonNode security = operation.node().path("security");
            JsonNode responses = operation.node().path("responses");
            boolean requiresBasic = false;
            for (JsonNode requirement : security) {
                requiresBasic |= requirement.has(scheme);
            }
            if (TABLE.get(operation.operationId()).isPublic()) {
                // A public operation may say that credentials are optional ({} among its requirements).
                boolean optional = false;
                for (JsonNode requirement : security) {
                    optional |= requirement.isEmpty();
                }
                if (!security.isEmpty() && !optional) {
                    problems.add(operation + " is public but the spec asks for authentication");
                }
                continue;
            }
            if (!requiresBasic) {
                problems.add(operation + " does not require " + scheme);
            }
            for (String status : List.of("401", "403")) {
                if (!responses.has(status)) {
                    problems.add(operation + " does not document " + status);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // --- Calling every operation ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("classifiedOperations")
    void withoutCredentialsOnlyPublicOperationsAnswer(Operation operation) {
        Rule rule = TABLE.get(operation.operationId());
        Call call = prepare(operation, rule, rule.cases().get(0));

        Response answer = call.send(given().auth().none());

        if (rule.isPublic()) {
            assertThat(answer.statusCode()).as("%s without credentials: %s", operation, answer.asString())
                    .isBetween(200, 299);
        } else {
            assertThat(answer.statusCode()).as("%s without credentials: %s", operation, answer.asString())
                    .isEqualTo(401);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
            assertThat(answer.header("WWW-Authenticate")).as("WWW-Authenticate").startsWith("Basic");
            call.assertUnchanged();
        }
    }

    @ParameterizedTest(name = "{0} on {1} as {2}")
    @MethodSource("signedInCalls")
    void eachRoleMayCallExactlyTheOperationsOfTheTable(Operation operation, Case kase, Role role) {
        Rule rule = TABLE.get(operation.operationId());
        Call call = prepare(operation, rule, kase);

        Response answer = call.send(caller(role).request());

        if (kase.allowed().contains(role)) {
            assertThat(rule.accepts(answer)).as("%s on %s as %s answered %s: %s", operation, kase.target(), role,
                    answer.statusCode(), answer.asString()).isTrue();
        } else {
            assertThat(answer.statusCode()).as("%s on %s as %s: %s", operation, kase.target(), role, answer.asString())
                    .isEqualTo(403);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
            call.assertUnchanged();
        }
    }

    /**
     * Every ticket operation (a path with {code}) that a non-administrator role may call, tried by a user of that
     * role whose scope does not cover the ticket: 404, as for a ticket that does not exist, and nothing changed.
     * Driven from the table, so a new ticket operation is tried here as soon as it is classified.
     */
    @ParameterizedTest(name = "{0} on {1} as {2} of elsewhere")
    @MethodSource("outOfScopeCalls")
    void outOfScopeCallersFindNoTicketAndChangeNothing(Operation operation, Case kase, Role role) {
        Call call = prepare(operation, TABLE.get(operation.operationId()), kase);

        Response answer = call.send(outsider(role).request());

        assertThat(answer.statusCode()).as("%s on %s as %s of elsewhere: %s", operation, kase.target(), role,
                answer.asString()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.asString()).doesNotContain("accessCode");
        call.assertUnchanged();
    }

    static Stream<Arguments> outOfScopeCalls() {
        return classifiedOperations().stream().filter(operation -> operation.path().contains("{code}"))
                .flatMap(operation -> TABLE.get(operation.operationId()).cases().stream()
                        .filter(kase -> !kase.isPublic())
                        .flatMap(kase -> kase.allowed().stream().filter(role -> role != ADMIN)
                                .map(role -> Arguments.of(operation, kase, role))));
    }

    @Test
    void everyTicketOperationIsTriedOutOfScope() {
        // Guards the filter above: were it to select nothing, the out-of-scope test would pass vacuously.
        Set<String> tried = outOfScopeCalls().map(arguments -> ((Operation) arguments.get()[0]).operationId())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tried).contains("getTicket", "listTicketEvents", "addTicketReport", "addTicketNote", "dispatchTicket",
                "acceptTicket", "returnTicket", "requestTicketExtension", "approveTicketExtension", "rejectTicketExtension", "urgeTicket", "pauseTicket", "resumeTicket",
                "startTicket", "resolveTicket", "closeTicket", "cancelTicket", "reopenTicket", "recordFollowUpFeedback",
                "reissueAccessCode", "liftAccessBlocks");
    }

    static Stream<Arguments> signedInCalls() {
        return classifiedOperations().stream().flatMap(operation -> TABLE.get(operation.operationId()).cases().stream()
                .flatMap(kase -> Arrays.stream(Role.values()).map(role -> Arguments.of(operation, kase, role))));
    }

    // --- One prepared call -------------------------------------------------------------------------------

    /** An operation ready to send: its target made, its body built, and a snapshot of what it could change. */
    private final class Call {
        final Operation operation;
        final Target target;
        final String token;
        final Object body;
        final String ticket;
        final User user;
        final String keyPrefix;
        /** The notification's or the notification target's id. */
        final String id;
        final Object before;

        Call(Operation operation, Target target, String token, Object body, String ticket, User user, String keyPrefix,
                String id) {
            this.operation = operation;
            this.target = target;
            this.token = token;
            this.body = body;
            this.ticket = ticket;
            this.user = user;
            this.keyPrefix = keyPrefix;
            this.id = id;
            this.before = snapshot();
        }

        Response send(RequestSpecification as) {
            Map<String, Object> pathParams = new HashMap<>();
            if (operation.path().contains("{code}")) {
                pathParams.put("code", ticket);
            }
            if (operation.path().contains("{username}")) {
                pathParams.put("username", user.username());
            }
            if (operation.path().contains("{organizationCode}")) {
                pathParams.put("organizationCode", SEEDED_ORGANIZATION.get("code"));
            }
            if (operation.path().contains("{siteCode}")) {
                // Removing a seeded compound's footprint would reroute other tests' reports: the footprint calls
                // move a compound of their own.
                pathParams.put("siteCode", operation.path().endsWith("/footprint") ? footprintSite() : SEEDED_SITE.get("code"));
            }
            if (operation.path().contains("{areaCode}")) {
                pathParams.put("areaCode", "beixinyuan");
            }
            if (operation.path().contains("{format}")) {
                pathParams.put("format", "json");
            }
            if (operation.path().contains("{service_code}")) {
                pathParams.put("service_code", "sewer-blockage");
            }
            if (operation.path().contains("{service_request_id}")) {
                pathParams.put("service_request_id", ticket);
            }
            if (operation.path().contains("{keyPrefix}")) {
                pathParams.put("keyPrefix", keyPrefix);
            }
            if (operation.path().contains("{id}")) {
                pathParams.put("id", id);
            }
            if (operation.path().contains("{host}")) {
                pathParams.put("host", id);
            }
            if (operation.path().contains("{date}")) {
                pathParams.put("date", MATRIX_DAY);
            }
            // Open311 POSTs are forms, as GeoReport v2 has them; photos are multipart; everything else is JSON.
            boolean form = operation.node().path("requestBody").path("content").has("application/x-www-form-urlencoded");
            if (body == PHOTO_UPLOAD) {
                return as.pathParams(pathParams).header("X-Requested-With", "matrix")
                        .multiPart("file", "matrix.jpg", jpeg(), "image/jpeg").multiPart("step", "NOTE")
                        .when().request(Method.valueOf(operation.method().toUpperCase()), operation.path());
            }
            if (body instanceof CalendarUpload upload) {
                return as.header("X-Requested-With", "matrix")
                        .multiPart("file", "calendar.csv", upload.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                        .when().request(Method.valueOf(operation.method().toUpperCase()), operation.path());
            }
            RequestSpecification request = as.contentType(form ? FORM : ContentType.JSON.toString()).pathParams(pathParams);
            if (operation.path().equals("/api/calendar/due")) {
                request = request.queryParam("amount", 3).queryParam("unit", "WORKING_DAYS");
            }
            if (operation.path().startsWith("/api/public/")) {
                request = request.header("X-Access-Code", ACCESS_CODES.get(ticket));
            }
            if (body != null && form) {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields = (Map<String, ?>) body;
                request = request.formParams(fields);
            } else if (body != null) {
                request = request.body(body);
            }
            return request.when().request(Method.valueOf(operation.method().toUpperCase()), operation.path());
        }

        /** A refused call must leave everything as it was. */
        void assertUnchanged() {
            assertThat(snapshot()).as("state after the refused call %s", operation).isEqualTo(before);
            if (target == Target.THROWAWAY_USER) {
                // Still signs in with its password: not disabled, and no new password either.
                user.request().when().get("/api/me").then().statusCode(200);
            }
        }

        /** The resident's code still opens the ticket: no reissue took it away. */
        private int accessCodeStillOpens() {
            return given().auth().none().header("X-Access-Code", ACCESS_CODES.get(ticket)).when()
                    .get("/api/public/tickets/{code}", ticket).statusCode();
        }

        /** What the call could change, read as the administrator. */
        private Object snapshot() {
            if (target == Target.NOTIFICATION) {
                return given().queryParam("ticket", ticket).when().get("/api/admin/notifications").then().statusCode(200)
                        .extract().asString();
            }
            if (target == Target.NOTIFICATION_TARGET) {
                return given().when().get("/api/admin/notification-targets").then().statusCode(200).extract()
                        .<List<Object>>path("id").toString();
            }
            if (target == Target.CALENDAR_DAY) {
                return given().queryParam("year", MATRIX_DAY.substring(0, 4)).when().get("/api/calendar/days").then()
                        .statusCode(200).extract().asString();
            }
            if (target == Target.MEDIA_HOST) {
                return given().when().get("/api/open311/media-hosts").then().statusCode(200).extract().asString();
            }
            if (target == Target.WEBHOOK) {
                return given().when().get("/api/admin/webhooks").then().statusCode(200).extract()
                        .<List<Object>>path("id").toString();
            }
            if (ticket != null) {
                // The version, and the timeline too: a note need not change the ticket row.
                return List.of(given().when().get("/api/tickets/{code}", ticket).then().statusCode(200).extract()
                        .path("version").toString(), given().when().get("/api/tickets/{code}/events", ticket).then()
                        .statusCode(200).extract().asString(), accessCodeStillOpens());
            }
            if (user != null) {
                return given().when().get("/api/users/{u}", user.username()).then().statusCode(200)
                        .extract().asString();
            }
            if (keyPrefix != null) {
                return given().when().get("/api/open311/keys/{p}", keyPrefix).then().statusCode(200).extract().asString();
            }
            // Whatever the call would have created carries its token.
            return List.of(
                    given().when().get("/api/admin/notification-targets").then().statusCode(200).extract().asString()
                            .contains(token),
                    given().when().get("/api/admin/webhooks").then().statusCode(200).extract().asString().contains(token),
                    given().queryParam("q", token).when().get("/api/tickets").then().statusCode(200).extract()
                            .path("total"),
                    given().when().get("/api/users/{u}", createdUserName(token)).statusCode(),
                    given().when().get("/api/organizations").then().statusCode(200).extract().asString().contains(token),
                    given().when().get("/api/sites").then().statusCode(200).extract().asString().contains(token),
                    given().when().get("/api/open311/keys").then().statusCode(200).extract().asString().contains(token),
                    given().when().get("/api/open311/media-hosts").then().statusCode(200).extract().asString()
                            .contains(token));
        }
    }

    private Call prepare(Operation operation, Rule rule, Case kase) {
        // Letters only (digits shifted to g–p): eleven digits in a row read as a phone number to LogPrivacyIT.
        String token = "matrix" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).chars()
                .map(c -> Character.isDigit(c) ? 'g' + (c - '0') : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Object body = rule.body() == null ? null : rule.body().apply(token);
        String ticket = switch (kase.target()) {
            case NOTHING, THROWAWAY_USER, DISABLED_USER, OPEN311_KEY, NOTIFICATION_TARGET, WEBHOOK, CALENDAR_DAY, MEDIA_HOST -> null;
            case NOTIFICATION -> newTicket(token);
            case REPORTED_TICKET -> newTicket(token);
            case DISPATCHED_TICKET, PUBLIC_PHOTO -> walked(newTicket(token), "dispatch");
            case IN_PROGRESS_TICKET -> walked(newTicket(token), "dispatch", "start");
            case EXTENSION_ASKED_TICKET -> walked(newTicket(token), "dispatch", "request-extension");
            case RESOLVED_TICKET -> walked(newTicket(token), "dispatch", "start", "resolve");
        };
        User user = switch (kase.target()) {
            case THROWAWAY_USER -> TestUsers.staff("matrix-target", "beixinyuan");
            case DISABLED_USER -> disabled(TestUsers.staff("matrix-disabled", "beixinyuan"));
            default -> null;
        };
        String keyPrefix = kase.target() == Target.OPEN311_KEY ? open311Key("矩阵测试目标 " + token).get("prefix") : null;
        String id = switch (kase.target()) {
            case NOTIFICATION_TARGET -> robot(token);
            case WEBHOOK -> given().contentType(ContentType.JSON).body(webhookBody(token)).when()
                    .post("/api/admin/webhooks").then().statusCode(201).extract().path("id").toString();
            case NOTIFICATION -> pendingNotification(ticket, token);
            case PUBLIC_PHOTO -> given().header("X-Requested-With", "matrix").multiPart("file", "matrix.jpg", jpeg(), "image/jpeg")
                    .multiPart("step", "NOTE").multiPart("visibility", "PUBLIC").when()
                    .post("/api/tickets/{code}/photos", ticket).then().statusCode(201).extract().path("[0].id").toString();
            case MEDIA_HOST -> {
                given().contentType(ContentType.JSON).body(Map.of("host", mediaHost(token))).when()
                        .post("/api/open311/media-hosts").then().statusCode(201);
                yield mediaHost(token);
            }
            case CALENDAR_DAY -> {
                given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "矩阵测试目标 " + token)).when()
                        .put("/api/calendar/days/{date}", MATRIX_DAY).then().statusCode(anyOf(is(200), is(201)));
                yield null;
            }
            default -> null;
        };
        return new Call(operation, kase.target(), token, body, ticket, user, keyPrefix, id);
    }

    private static User disabled(User user) {
        given().contentType(ContentType.JSON).when().post("/api/users/{u}/disable", user.username()).then()
                .statusCode(200);
        return user;
    }

    /** The access code given at intake, for each ticket this test made. */
    private static final Map<String, String> ACCESS_CODES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A ticket at 宏安小区, logged by the administrator. */
    private static String newTicket(String token) {
        var created = given().contentType(ContentType.JSON).body(ticketIntake(token)).when().post("/api/tickets").then()
                .statusCode(201).extract();
        ACCESS_CODES.put(created.path("code"), created.path("accessCode"));
        return created.path("code");
    }

    /** Moves with the administrator; dispatch gives the ticket to tongda-dredging as LEAD. */
    private static String walked(String code, String... actions) {
        walk(code, actions);
        return code;
    }

    private static Map<String, Object> ticketIntake(String token) {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        body.put("description", "权限矩阵测试 " + token);
        return body;
    }

    /** A robot body for yingbin-enforcement; its URL carries the token. Nothing is sent: tests call delivery themselves. */
    private static Map<String, Object> robotBody(String token) {
        return Map.of("audience", "ORGANIZATION", "ownerCode", "yingbin-enforcement", "channel", "WECOM",
                "address", "http://127.0.0.1:9/robot?key=" + token);
    }

    /** A host name of this call's own (the token is letters only, so it is a valid label). */
    private static String mediaHost(String token) {
        return token + ".media.example.cn";
    }

    /** A webhook wanting nothing that happens in this test (OVERDUE only); its name carries the token. */
    private static Map<String, Object> webhookBody(String token) {
        return Map.of("name", token, "url", "http://127.0.0.1:9/hook", "events", List.of("OVERDUE"));
    }

    /** A robot registered by the administrator; its id. */
    private static String robot(String token) {
        return given().contentType(ContentType.JSON).body(robotBody(token)).when().post("/api/admin/notification-targets")
                .then().statusCode(201).extract().path("id").toString();
    }

    /** The ticket dispatched to yingbin-enforcement, whose robot (registered for this call) is then told; its id. */
    private static String pendingNotification(String ticket, String token) {
        String target = robot(token);
        given().contentType(ContentType.JSON).body(dispatchBody("yingbin-enforcement")).when()
                .post("/api/tickets/{code}/dispatch", ticket).then().statusCode(200);
        String id = given().queryParam("ticket", ticket).when().get("/api/admin/notifications").then().statusCode(200)
                .extract().path("items.find { it.kind == 'organization-dispatched' }.id").toString();
        given().contentType(ContentType.JSON).when().delete("/api/admin/notification-targets/{id}", target).then()
                .statusCode(204);
        return id;
    }

    /** An Open311 key issued by the administrator: its prefix and the key itself. */
    private static Map<String, String> open311Key(String application) {
        var issued = given().contentType(ContentType.JSON).body(Map.of("application", application)).when()
                .post("/api/open311/keys").then().statusCode(201).extract();
        return Map.of("prefix", issued.path("key.prefix"), "apiKey", issued.path("apiKey"));
    }

    /** A report at 宏安小区 from an application whose key the administrator issued for this call. */
    private static Map<String, String> open311Form(String token) {
        return Map.of("api_key", open311Key("矩阵测试应用 " + token).get("apiKey"), "service_code", "sewer-blockage",
                "address_id", "hongan", "description", "权限矩阵测试 " + token, "attribute[sewage_in_homes]", "no");
    }

    private static Map<String, Object> organizationBody(String token) {
        return Map.of("code", token, "kind", "CONTRACTOR", "nameZh", "矩阵测试清掏队", "nameEn", "Matrix Dredging",
                "contactPhone", "0352-0000000");
    }

    private static String footprintSite;

    /** A compound created once, for the footprint calls. */
    private static synchronized String footprintSite() {
        if (footprintSite == null) {
            String code = "matrix-fp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            given().contentType(ContentType.JSON).body(siteBody(code)).when().post("/api/sites").then().statusCode(201);
            footprintSite = code;
        }
        return footprintSite;
    }

    /** A small JPEG, made once. */
    private static byte[] jpeg;

    private static synchronized byte[] jpeg() {
        if (jpeg == null) {
            try {
                var image = new java.awt.image.BufferedImage(24, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
                var out = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "jpg", out);
                jpeg = out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return jpeg;
    }

    private static Map<String, Object> siteBody(String token) {
        return Map.of("code", token, "nameZh", "矩阵测试小区", "nameEn", "Matrix Compound", "communityCode", "yingbinlu",
                "propertyManaged", false);
    }

    private static String createdUserName(String token) {
        return "matrix-new-" + token;
    }

    // --- Callers -------------------------------------------------------------------------------------

    private static final Map<Role, User> CALLERS = new EnumMap<>(Role.class);

    private static synchronized User caller(Role role) {
        return CALLERS.computeIfAbsent(role, r -> switch (r) {
            case STAFF -> TestUsers.staff("matrix-staff", "beixinyuan");
            case SUPERVISOR -> TestUsers.supervisor("matrix-supervisor", "yingbin");
            case CONTRACTOR -> TestUsers.contractor("matrix-contractor", "tongda-dredging");
            case ADMIN -> TestUsers.admin("matrix-admin");
        });
    }

    private static final Map<Role, User> OUTSIDERS = new EnumMap<>(Role.class);

    /** A user of the role whose scope misses 宏安小区 and tongda-dredging's tickets. */
    private static synchronized User outsider(Role role) {
        return OUTSIDERS.computeIfAbsent(role, r -> switch (r) {
            case STAFF -> TestUsers.staff("matrix-staff-elsewhere", "zhenxingjie");
            case SUPERVISOR -> TestUsers.supervisor("matrix-supervisor-elsewhere", "xinwang");
            case CONTRACTOR -> TestUsers.contractor("matrix-contractor-elsewhere", "datong-sewage");
            case ADMIN -> throw new IllegalArgumentException("the administrator's scope is everything");
        });
    }

    // --- The table's vocabulary ------------------------------------------------------------------------

    private static Rule publicRead() {
        return new Rule(List.of(new Case(Target.NOTHING, EVERY_ROLE, true)), null);
    }

    private static Rule publicCall(Target target, Function<String, Object> body) {
        return new Rule(List.of(new Case(target, EVERY_ROLE, true)), body);
    }

    private static Rule rule(Target target, Set<Role> allowed) {
        return rule(target, allowed, null);
    }

    private static Rule rule(Target target, Set<Role> allowed, Function<String, Object> body) {
        return new Rule(List.of(new Case(target, allowed, false)), body);
    }

    // --- Reading the spec -----------------------------------------------------------------------------------

    private static JsonNode spec;

    static synchronized JsonNode spec() {
        if (spec == null) {
            try {
                spec = new YAMLMapper().readTree(SPEC.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + SPEC.toAbsolutePath(), e);
            }
        }
        return spec;
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        spec().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method.getKey())) {
                operations.add(new Operation(method.getKey(), path.getKey(),
                        method.getValue().path("operationId").asText(method.getKey() + " " + path.getKey()),
                        method.getValue()));
            }
        }));
        return operations;
    }

    /** The operations the table knows; the others fail {@link #everyOperationOfTheSpecIsClassified()}. */
    static List<Operation> classifiedOperations() {
        return operations().stream().filter(o -> TABLE.containsKey(o.operationId())).toList();
    }

    /** The names of the spec's HTTP Basic security schemes. */
    private static List<String> basicSchemes() {
        List<String> names = new ArrayList<>();
        spec().path("components").path("securitySchemes").fields().forEachRemaining(scheme -> {
            if ("http".equals(scheme.getValue().path("type").asText())
                    && "basic".equalsIgnoreCase(scheme.getValue().path("scheme").asText())) {
                names.add(scheme.getKey());
            }
        });
        return names;
    }
}
