package org.communitydesk.ticket;

import org.communitydesk.support.SignInAsAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.communitydesk.support.TicketApi.createTicket;
import static org.communitydesk.support.TicketApi.dispatchBody;
import static org.communitydesk.support.TicketApi.get;
import static org.communitydesk.support.TicketApi.move;
import static org.communitydesk.support.TicketApi.validBodyFor;
import static org.communitydesk.support.TicketApi.walk;
import static org.communitydesk.ticket.TicketAction.ACCEPT;
import static org.communitydesk.ticket.TicketAction.CANCEL;
import static org.communitydesk.ticket.TicketAction.CLOSE;
import static org.communitydesk.ticket.TicketAction.DISPATCH;
import static org.communitydesk.ticket.TicketAction.PAUSE;
import static org.communitydesk.ticket.TicketAction.REOPEN;
import static org.communitydesk.ticket.TicketAction.RETURN;
import static org.communitydesk.ticket.TicketAction.RESOLVE;
import static org.communitydesk.ticket.TicketAction.RESUME;
import static org.communitydesk.ticket.TicketAction.START;
import static org.communitydesk.ticket.TicketAction.REQUEST_EXTENSION;
import static org.communitydesk.ticket.TicketAction.APPROVE_EXTENSION;
import static org.communitydesk.ticket.TicketAction.REJECT_EXTENSION;
import static org.communitydesk.ticket.TicketAction.URGE;
import static org.communitydesk.ticket.TicketStatus.CANCELLED;
import static org.communitydesk.ticket.TicketStatus.CLOSED;
import static org.communitydesk.ticket.TicketStatus.DISPATCHED;
import static org.communitydesk.ticket.TicketStatus.IN_PROGRESS;
import static org.communitydesk.ticket.TicketStatus.REPORTED;
import static org.communitydesk.ticket.TicketStatus.RESOLVED;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.communitydesk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The ticket lifecycle through the HTTP API: every move from every status, milestones, dispatch rules, timeline. */
@QuarkusTest
class TicketStateMachineTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * The lifecycle as specified, written out rather than read from {@link TicketStatus},
     * so that an unintended change to the state machine fails here.
     */
    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> EXPECTED_MOVES = Map.of(
            REPORTED, Map.of(DISPATCH, DISPATCHED, CANCEL, CANCELLED, PAUSE, REPORTED, RESUME, REPORTED),
            DISPATCHED, Map.ofEntries(Map.entry(DISPATCH, DISPATCHED), Map.entry(START, IN_PROGRESS),
                    Map.entry(CANCEL, CANCELLED), Map.entry(ACCEPT, DISPATCHED), Map.entry(RETURN, REPORTED),
                    Map.entry(REQUEST_EXTENSION, DISPATCHED), Map.entry(APPROVE_EXTENSION, DISPATCHED),
                    Map.entry(REJECT_EXTENSION, DISPATCHED), Map.entry(URGE, DISPATCHED), Map.entry(PAUSE, DISPATCHED),
                    Map.entry(RESUME, DISPATCHED)),
            IN_PROGRESS, Map.ofEntries(Map.entry(DISPATCH, IN_PROGRESS), Map.entry(RESOLVE, RESOLVED),
                    Map.entry(CANCEL, CANCELLED), Map.entry(ACCEPT, IN_PROGRESS),
                    Map.entry(REQUEST_EXTENSION, IN_PROGRESS), Map.entry(APPROVE_EXTENSION, IN_PROGRESS),
                    Map.entry(REJECT_EXTENSION, IN_PROGRESS), Map.entry(URGE, IN_PROGRESS), Map.entry(PAUSE, IN_PROGRESS),
                    Map.entry(RESUME, IN_PROGRESS)),
            RESOLVED, Map.of(CLOSE, CLOSED, REOPEN, DISPATCHED),
            CLOSED, Map.of(REOPEN, DISPATCHED),
            CANCELLED, Map.of());

    /**
     * Moves whose row condition does not hold on a fresh ticket (urge: not at risk; resume: not paused): the state
     * allows them, the caller's allowedActions leave them out, and trying one answers 409 with those actions.
     */
    private static final java.util.Set<TicketAction> NOT_ON_A_FRESH_TICKET = java.util.EnumSet.of(URGE, RESUME);

    /** Decisions on an extension: offered only while a request waits (the test asks for one before deciding). */
    private static final java.util.Set<TicketAction> ONLY_WITH_A_REQUEST = java.util.EnumSet.of(APPROVE_EXTENSION,
            REJECT_EXTENSION);

    /** The moves that bring a new ticket into each status. */
    private static final Map<TicketStatus, List<String>> ROUTE_TO = Map.of(
            REPORTED, List.of(),
            DISPATCHED, List.of("dispatch"),
            IN_PROGRESS, List.of("dispatch", "start"),
            RESOLVED, List.of("dispatch", "start", "resolve"),
            CLOSED, List.of("dispatch", "start", "resolve", "close"),
            CANCELLED, List.of("cancel"));

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- The transition table ------------------------------------------------------------------

    @Test
    void ticketStatusImplementsExactlyTheExpectedTable() {
        for (TicketStatus status : TicketStatus.values()) {
            for (TicketAction action : TicketAction.values()) {
                assertThat(status.after(action)).as("%s + %s", status, action)
                        .isEqualTo(Optional.ofNullable(EXPECTED_MOVES.get(status).get(action)));
            }
            assertThat(status.allowedActions()).as("allowed from %s", status)
                    .containsExactlyInAnyOrderElementsOf(EXPECTED_MOVES.get(status).keySet());
        }
    }

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(TicketStatus.values())
                .flatMap(status -> Arrays.stream(TicketAction.values()).map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndAction")
    void everyActionFromEveryStatus(TicketStatus status, TicketAction action) {
        String code = ticketIn(status);
        TicketStatus expected = EXPECTED_MOVES.get(status).get(action);
        if (expected != null && NOT_ON_A_FRESH_TICKET.contains(action)) {
            assertConditionRefuses(code, status, action);
        } else if (expected != null) {
            assertMoveIsApplied(code, status, action, expected);
        } else {
            assertMoveIsRefused(code, status, action);
        }
    }

    private void assertMoveIsApplied(String code, TicketStatus from, TicketAction action, TicketStatus expected) {
        boolean decision = action == APPROVE_EXTENSION || action == REJECT_EXTENSION;
        if (decision) {
            // A decision needs a request waiting for it.
            move(code, "request-extension", validBodyFor("request-extension")).then().statusCode(200);
        }
        int eventsBefore = events(code).size();
        // The ticket has one organization; once it accepted, nothing is left to accept.
        // A reopened ticket was started once: it is not returned any more (MovePermissions' condition on return).
        // A decision is offered while a request waits, and no second request then.
        List<String> allowedAfter = callersMoves(expected).stream()
                .filter(name -> action != ACCEPT || !name.equals("accept"))
                .filter(name -> action != REOPEN || !name.equals("return"))
                .flatMap(name -> action == REQUEST_EXTENSION && name.equals("request-extension")
                        ? java.util.stream.Stream.of("approve-extension", "reject-extension") : java.util.stream.Stream.of(name))
                // Once paused, the clock may be resumed, not paused again.
                .map(name -> action == PAUSE && name.equals("pause") ? "resume" : name).sorted().toList();
        move(code, action.pathName(), validBodyFor(action.pathName())).then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo(expected.name()))
                .body("allowedActions", equalTo(allowedAfter));

        List<Map<String, Object>> events = events(code);
        assertThat(events).hasSize(eventsBefore + 1);
        Map<String, Object> last = events.get(events.size() - 1);
        assertThat(last.get("type")).isEqualTo(expectedEventType(from, action).name());
        assertThat(last.get("fromStatus")).isEqualTo(from.name());
        assertThat(last.get("toStatus")).isEqualTo(expected.name());
    }

    private void assertMoveIsRefused(String code, TicketStatus status, TicketAction action) {
        String etagBefore = get(code).then().statusCode(200).extract().header("ETag");
        int eventsBefore = events(code).size();

        move(code, action.pathName(), validBodyFor(action.pathName())).then()
                .statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("currentStatus", equalTo(status.name()))
                .body("attempted", equalTo(action.pathName()))
                .body("allowedActions", equalTo(sortedPathNames(EXPECTED_MOVES.get(status).keySet())));

        get(code).then().statusCode(200)
                .header("ETag", etagBefore)
                .body("status", equalTo(status.name()));
        assertThat(events(code)).hasSize(eventsBefore);
    }

    private void assertConditionRefuses(String code, TicketStatus status, TicketAction action) {
        int eventsBefore = events(code).size();
        move(code, action.pathName(), validBodyFor(action.pathName())).then()
                .statusCode(409)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":illegal-transition"))
                .body("attempted", equalTo(action.pathName()))
                .body("allowedActions", equalTo(callersMoves(status)));
        assertThat(events(code)).hasSize(eventsBefore);
    }

    /** What an administrator may do on a fresh ticket in this state: the state's moves without the conditional ones. */
    private static List<String> callersMoves(TicketStatus status) {
        return EXPECTED_MOVES.get(status).keySet().stream().filter(a -> !NOT_ON_A_FRESH_TICKET.contains(a))
                .filter(a -> !ONLY_WITH_A_REQUEST.contains(a))
                .map(TicketAction::pathName).sorted().toList();
    }

    /** The event a move writes; a dispatch after the first one records a reassignment. */
    private static EventType expectedEventType(TicketStatus from, TicketAction action) {
        return switch (action) {
            case DISPATCH -> from == REPORTED ? EventType.DISPATCHED : EventType.REASSIGNED;
            case START -> EventType.STARTED;
            case RESOLVE -> EventType.RESOLVED;
            case CLOSE -> EventType.CLOSED;
            case CANCEL -> EventType.CANCELLED;
            case REOPEN -> EventType.REOPENED;
            case ACCEPT -> EventType.ACCEPTED;
            case RETURN -> EventType.RETURNED;
            case REQUEST_EXTENSION -> EventType.EXTENSION_REQUESTED;
            case APPROVE_EXTENSION -> EventType.EXTENSION_APPROVED;
            case REJECT_EXTENSION -> EventType.EXTENSION_REJECTED;
            case URGE -> EventType.URGED;
            case PAUSE -> EventType.PAUSED;
            case RESUME -> EventType.RESUMED;
        };
    }

    // --- Milestones ------------------------------------------------------------------------------

    @Test
    void dispatchRecordsWhenAndHowLongAfterTheReport() {
        Instant reported = freezeNow();
        String code = createTicket();
        get(code).then().body("dispatchedAt", nullValue()).body("secondsToDispatch", nullValue());
        clock.freezeAt(reported.plus(Duration.ofMinutes(90).plusSeconds(17)));

        JsonPath ticket = move(code, "dispatch", validBodyFor("dispatch")).then().statusCode(200).extract().jsonPath();

        assertThat(instant(ticket, "reportedAt")).isEqualTo(reported);
        assertThat(instant(ticket, "dispatchedAt")).isEqualTo(reported.plus(Duration.ofMinutes(90).plusSeconds(17)));
        assertThat(ticket.getLong("secondsToDispatch")).isEqualTo(90 * 60 + 17);
    }

    @Test
    void resolveRecordsResolutionRootCauseAndTimeToResolve() {
        Instant reported = freezeNow();
        String code = ticketIn(IN_PROGRESS);
        clock.freezeAt(reported.plus(Duration.ofHours(5).plusSeconds(41)));

        JsonPath ticket = move(code, "resolve", Map.of("resolution", "更换破损管段", "rootCause", "管道老化"))
                .then().statusCode(200)
                .body("resolution", equalTo("更换破损管段"))
                .body("rootCause", equalTo("管道老化"))
                .body("closedAt", nullValue())
                .extract().jsonPath();

        assertThat(instant(ticket, "resolvedAt")).isEqualTo(reported.plus(Duration.ofHours(5).plusSeconds(41)));
        assertThat(ticket.getLong("secondsToResolve")).isEqualTo(5 * 3600 + 41);
    }

    @Test
    void closeRecordsTimeToCloseAndKeepsTheResolution() {
        Instant reported = freezeNow();
        String code = ticketIn(RESOLVED);
        String resolvedAt = get(code).then().extract().path("resolvedAt");
        clock.freezeAt(reported.plus(Duration.ofDays(2).plusSeconds(3)));

        JsonPath ticket = move(code, "close", null).then().statusCode(200)
                .body("resolvedAt", equalTo(resolvedAt))
                .body("resolution", equalTo("清理油污结块，疏通管道"))
                .body("secondsToResolve", equalTo(0))
                .extract().jsonPath();

        assertThat(instant(ticket, "closedAt")).isEqualTo(reported.plus(Duration.ofDays(2).plusSeconds(3)));
        assertThat(ticket.getLong("secondsToClose")).isEqualTo(2 * 86400 + 3);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = { "RESOLVED", "CLOSED" })
    void reopenSendsTheTicketBackToItsTeamAndClearsTheFailedResolution(TicketStatus from) {
        String code = ticketIn(from);
        String dispatchedAt = get(code).then().extract().path("dispatchedAt");

        move(code, "reopen", Map.of("reason", "居民反映仍然堵塞")).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("reopenCount", equalTo(1))
                .body("resolvedAt", nullValue())
                .body("secondsToResolve", nullValue())
                .body("closedAt", nullValue())
                .body("secondsToClose", nullValue())
                .body("dispatchedAt", equalTo(dispatchedAt))
                .body("leadOrganization.code", equalTo("tongda-dredging"))
                .body("assignments.organization.code", contains("tongda-dredging"));
        assertThat(lastEvent(code)).containsEntry("type", "REOPENED").containsEntry("note", "居民反映仍然堵塞");

        walk(code, "start", "resolve", "reopen");
        get(code).then().body("reopenCount", equalTo(2));
    }

    // --- Cancelling --------------------------------------------------------------------------------

    @Test
    void duplicateCancellationMustNameTheOriginal() {
        String code = createTicket();

        move(code, "cancel", Map.of("reason", "DUPLICATE")).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", contains("duplicateOf"));

        get(code).then().body("status", equalTo("REPORTED"));
    }

    @Test
    void duplicateCancellationRefusesAnUnknownOrTheSameTicket() {
        String code = createTicket();

        move(code, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", "CD-1999-999999")).then()
                .statusCode(400)
                .body("violations.field", contains("duplicateOf"));
        move(code, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", code)).then()
                .statusCode(400)
                .body("violations.field", contains("duplicateOf"));

        get(code).then().body("status", equalTo("REPORTED")).body("duplicateOf", nullValue());
    }

    @Test
    void duplicateCancellationNamesTheOriginal() {
        String original = createTicket();
        String duplicate = createTicket();
        Instant cancelled = freezeNow().plus(Duration.ofMinutes(3));
        clock.freezeAt(cancelled);

        move(duplicate, "cancel", Map.of("reason", "DUPLICATE", "duplicateOf", original)).then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("DUPLICATE"))
                .body("cancelledAt", equalTo(cancelled.toString()))
                .body("duplicateOf", equalTo(original));

        get(duplicate).then().body("duplicateOf", equalTo(original));
        assertThat(lastEvent(duplicate).get("note").toString()).isEqualTo("重复工单，同 " + original);
        get(original).then().body("status", equalTo("REPORTED"));
    }

    @Test
    void onlyDuplicateCancellationNamesAnotherTicket() {
        String original = createTicket();
        String code = createTicket();

        move(code, "cancel", Map.of("reason", "WITHDRAWN", "duplicateOf", original)).then()
                .statusCode(400)
                .body("violations.field", contains("duplicateOf"));

        get(code).then().body("status", equalTo("REPORTED"));
    }

    // --- Required fields of moves ----------------------------------------------------------------

    @Test
    void resolveRequiresAResolution() {
        String code = ticketIn(IN_PROGRESS);

        move(code, "resolve", Map.of("rootCause", "管道老化")).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", contains("resolution"));
        move(code, "resolve", Map.of("resolution", "   ")).then()
                .statusCode(400)
                .body("violations.field", contains("resolution"));

        get(code).then().body("status", equalTo("IN_PROGRESS")).body("resolvedAt", nullValue());
    }

    @Test
    void reopenRequiresAReason() {
        String code = ticketIn(RESOLVED);

        move(code, "reopen", Map.of()).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", contains("reason"));
        move(code, "reopen", null).then().statusCode(400);

        get(code).then().body("status", equalTo("RESOLVED")).body("reopenCount", equalTo(0));
    }

    // --- Dispatch ----------------------------------------------------------------------------------

    @Test
    void dispatchNeedsExactlyOneLead() {
        String code = createTicket();
        Map<String, Object> noLead = Map.of("assignments", List.of(
                Map.of("organizationCode", "datong-sewage", "role", "SUPPORT")));
        Map<String, Object> twoLeads = Map.of("assignments", List.of(
                Map.of("organizationCode", "datong-sewage", "role", "LEAD"),
                Map.of("organizationCode", "tongda-dredging", "role", "LEAD")));

        move(code, "dispatch", noLead).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", contains("assignments"));
        move(code, "dispatch", twoLeads).then()
                .statusCode(400)
                .body("violations.field", contains("assignments"));

        get(code).then()
                .body("status", equalTo("REPORTED"))
                .body("assignments", empty())
                .body("leadOrganization", nullValue());
    }

    @Test
    void dispatchRefusesAnUnknownOrganization() {
        String code = createTicket();

        move(code, "dispatch", dispatchBody("datong-sewage", "no-such-team")).then()
                .statusCode(400)
                .body("violations.field", contains("assignments"))
                .body("detail", containsString("no-such-team"));

        get(code).then().body("status", equalTo("REPORTED")).body("assignments", empty());
    }

    @Test
    void threeAgenciesCanBeDispatchedAtOnce() {
        String code = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");

        move(code, "dispatch", dispatchBody("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement")).then()
                .statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignments", hasSize(3))
                .body("assignments.collect { it.organization.code + ':' + it.role }", containsInAnyOrder(
                        "datong-sewage:LEAD", "pingcheng-sanitation:SUPPORT", "yingbin-enforcement:SUPPORT"))
                .body("leadOrganization.code", equalTo("datong-sewage"));
    }

    @Test
    void dispatchingAgainReplacesTheAssignmentsAndRecordsTheChange() {
        String code = createTicket("sewage-overflow", "zhenxingjie", "jianzhu-no3");
        walk(code, "dispatch");
        move(code, "dispatch", dispatchBody("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement"))
                .then().statusCode(200);
        String dispatchedAt = get(code).then().extract().path("dispatchedAt");
        clock.advance(Duration.ofHours(1));

        // The lead changes, pingcheng-sanitation is replaced by tongda-dredging, datong-sewage stays as support.
        move(code, "dispatch", dispatchBody("yingbin-enforcement", "datong-sewage", "tongda-dredging")).then()
                .statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignments.collect { it.organization.code + ':' + it.role }", containsInAnyOrder(
                        "yingbin-enforcement:LEAD", "datong-sewage:SUPPORT", "tongda-dredging:SUPPORT"))
                .body("leadOrganization.code", equalTo("yingbin-enforcement"))
                .body("dispatchedAt", equalTo(dispatchedAt));

        Map<String, Object> reassigned = lastEvent(code);
        assertThat(reassigned).containsEntry("type", "REASSIGNED")
                .containsEntry("fromStatus", "DISPATCHED")
                .containsEntry("toStatus", "DISPATCHED")
                .containsEntry("visibility", "PUBLIC");
        String[] beforeAndAfter = reassigned.get("note").toString().split("→");
        assertThat(beforeAndAfter).hasSize(2);
        assertThat(beforeAndAfter[0]).contains("平城区环卫服务中心").doesNotContain("通达管道专业清掏队");
        assertThat(beforeAndAfter[1]).contains("通达管道专业清掏队").doesNotContain("平城区环卫服务中心");
        assertThat(beforeAndAfter[1].strip()).isEqualTo("迎宾街道综合行政执法队（牵头）、大同市政排污所（配合）、通达管道专业清掏队（配合）");
    }

    @Test
    void dispatchingAgainWhileInProgressKeepsTheWorkGoing() {
        String code = ticketIn(IN_PROGRESS);
        String startedAt = get(code).then().extract().path("startedAt");

        move(code, "dispatch", dispatchBody("datong-sewage", "tongda-dredging")).then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("startedAt", equalTo(startedAt))
                .body("leadOrganization.code", equalTo("datong-sewage"))
                .body("assignments.collect { it.organization.code + ':' + it.role }",
                        containsInAnyOrder("datong-sewage:LEAD", "tongda-dredging:SUPPORT"));

        assertThat(lastEvent(code)).containsEntry("type", "REASSIGNED")
                .containsEntry("fromStatus", "IN_PROGRESS")
                .containsEntry("toStatus", "IN_PROGRESS");
    }

    // --- Timeline ----------------------------------------------------------------------------------

    @Test
    void everyChangeAppendsToTheTimelineInOrder() {
        String code = createTicket();
        assertThat(events(code)).hasSize(1);

        walk(code, "dispatch");
        assertThat(events(code)).hasSize(2);
        Map<String, Object> redispatch = new HashMap<>(dispatchBody("datong-sewage", "tongda-dredging"));
        redispatch.put("note", "需要排污所配合");
        move(code, "dispatch", redispatch).then().statusCode(200);
        assertThat(events(code)).hasSize(4);
        move(code, "start", Map.of("note", "已到现场")).then().statusCode(200);
        assertThat(events(code)).hasSize(6);
        note(code, Map.of("text", "正在疏通", "visibility", "PUBLIC")).then().statusCode(201);
        assertThat(events(code)).hasSize(7);
        walk(code, "resolve", "close");

        List<Map<String, Object>> events = events(code);
        assertThat(events).extracting(e -> e.get("type")).containsExactly(
                "REPORTED", "DISPATCHED", "REASSIGNED", "NOTE", "STARTED", "NOTE", "NOTE", "RESOLVED", "CLOSED");
        assertThat(events).extracting(e -> e.get("visibility")).containsExactly(
                "PUBLIC", "PUBLIC", "PUBLIC", "INTERNAL", "PUBLIC", "INTERNAL", "PUBLIC", "PUBLIC", "PUBLIC");
        assertThat(events).extracting(e -> e.get("toStatus")).containsExactly(
                "REPORTED", "DISPATCHED", "DISPATCHED", "DISPATCHED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS",
                "RESOLVED", "CLOSED");
        assertThat(events.get(3)).containsEntry("note", "需要排污所配合");
        assertThat(events.get(5)).containsEntry("note", "已到现场");

        List<Long> ids = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Map<String, Object> event : events) {
            assertThat(event.get("actor")).as("actor of %s", event).isEqualTo(SignInAsAdmin.ADMIN);
            ids.add(((Number) event.get("id")).longValue());
            times.add(Instant.parse(event.get("occurredAt").toString()));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(times).isSorted();
    }

    @Test
    void notesArePublicOrInternalAndInternalByDefault() {
        String code = ticketIn(DISPATCHED);
        Instant noted = freezeNow().plus(Duration.ofMinutes(7));
        clock.freezeAt(noted);

        note(code, Map.of("text", "已联系清掏队", "visibility", "PUBLIC")).then()
                .statusCode(201)
                .body("type", equalTo("NOTE"))
                .body("visibility", equalTo("PUBLIC"))
                .body("note", equalTo("已联系清掏队"))
                .body("fromStatus", equalTo("DISPATCHED"))
                .body("toStatus", equalTo("DISPATCHED"))
                .body("actor", equalTo(SignInAsAdmin.ADMIN))
                .body("occurredAt", equalTo(noted.toString()));
        note(code, Map.of("text", "居民电话无人接听", "visibility", "INTERNAL")).then()
                .statusCode(201).body("visibility", equalTo("INTERNAL"));
        long lastNoteId = note(code, Map.of("text", "明早再联系")).then()
                .statusCode(201).body("visibility", equalTo("INTERNAL"))
                .extract().jsonPath().getLong("id");

        List<Map<String, Object>> events = events(code);
        assertThat(events.subList(events.size() - 3, events.size()))
                .extracting(e -> e.get("note"), e -> e.get("visibility"))
                .containsExactly(
                        tuple("已联系清掏队", "PUBLIC"),
                        tuple("居民电话无人接听", "INTERNAL"),
                        tuple("明早再联系", "INTERNAL"));
        assertThat(((Number) events.get(events.size() - 1).get("id")).longValue()).isEqualTo(lastNoteId);
        get(code).then().body("status", equalTo("DISPATCHED"));
    }

    @Test
    void aNoteNeedsText() {
        String code = createTicket();

        note(code, Map.of("text", " ", "visibility", "PUBLIC")).then()
                .statusCode(400)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("violations.field", hasItem("text"));

        assertThat(events(code)).hasSize(1);
    }

    @Test
    void anUnknownTicketIsNotFound() {
        move("CD-1999-999999", "start", null).then()
                .statusCode(404)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", endsWith(":not-found"))
                .body("code", equalTo("CD-1999-999999"));
        given().when().get("/api/tickets/{code}/events", "CD-1999-999999").then().statusCode(404);
    }

    // --- Helpers -----------------------------------------------------------------------------------

    /** A new ticket brought into {@code status} through the API. */
    private static String ticketIn(TicketStatus status) {
        String code = createTicket();
        walk(code, ROUTE_TO.get(status).toArray(String[]::new));
        get(code).then().statusCode(200).body("status", equalTo(status.name()));
        return code;
    }

    private static List<Map<String, Object>> events(String code) {
        return given().when().get("/api/tickets/{code}/events", code).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static Map<String, Object> lastEvent(String code) {
        List<Map<String, Object>> events = events(code);
        return events.get(events.size() - 1);
    }

    private static Response note(String code, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/tickets/{code}/notes", code);
    }

    private static List<String> sortedPathNames(Collection<TicketAction> actions) {
        return actions.stream().map(TicketAction::pathName).sorted().toList();
    }

    /**
     * Stops the application's clock at the current whole second, so milestones come out exact; the steps
     * after it carry odd seconds, so that a figure rounded to minutes would show.
     */
    private Instant freezeNow() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.freezeAt(now);
        return now;
    }

    private static Instant instant(JsonPath ticket, String field) {
        return Instant.parse(ticket.getString(field));
    }
}
