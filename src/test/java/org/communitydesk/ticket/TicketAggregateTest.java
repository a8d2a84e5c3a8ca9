package org.communitydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communitydesk.ticket.PlainTickets.CREW;
import static org.communitydesk.ticket.PlainTickets.REPORTED_AT;
import static org.communitydesk.ticket.PlainTickets.SANITATION;
import static org.communitydesk.ticket.PlainTickets.STAFF;
import static org.communitydesk.ticket.PlainTickets.TONGDA;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.communitydesk.calendar.TargetUnit;
import org.communitydesk.calendar.TimeTarget;
import org.communitydesk.calendar.WorkingClock;
import org.communitydesk.calendar.WorkingHours;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.ticket.Ticket.AssignmentOrder;
import org.junit.jupiter.api.Test;

/** The aggregate's moves as plain objects (no Quarkus, no database): acceptance and its milestones. */
class TicketAggregateTest {

    private static final Instant DISPATCHED_AT = REPORTED_AT.plusSeconds(600);

    @Test
    void aDispatchGivesEachNewOrderItsAcceptanceTarget() {
        Ticket ticket = PlainTickets.dispatched();

        assertThat(ticket.activeAssignments()).extracting(a -> a.acceptDueAt)
                .containsOnly(DISPATCHED_AT.plusSeconds(3600));
        assertThat(ticket.activeAssignments()).allMatch(Assignment::awaitsAcceptance);
        assertThat(ticket.hasOrderToAccept()).isTrue();
    }

    @Test
    void theLeadsAcceptanceIsPublicAndKeepsTheStatus() {
        Ticket ticket = PlainTickets.dispatched();
        Instant at = DISPATCHED_AT.plusSeconds(25 * 60);

        Assignment accepted = ticket.accept(TONGDA.id, CREW, at);

        assertThat(ticket.status).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(accepted.acceptedAt).isEqualTo(at);
        assertThat(accepted.acceptedBy).isEqualTo("tongda.crew");
        assertThat(accepted.secondsToAccept).isEqualTo(25 * 60);
        TicketEvent event = ticket.events.get(ticket.events.size() - 1);
        assertThat(event.type).isEqualTo(EventType.ACCEPTED);
        assertThat(event.visibility).isEqualTo(Visibility.PUBLIC);
        assertThat(event.fromStatus).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(event.toStatus).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(event.wording).isEqualTo(Wording.ACCEPTED);
        assertThat(EventWording.params(event.wordingParams)).containsEntry("code", "tongda-dredging")
                .containsEntry("role", "LEAD");
        assertThat(ticket.orderToAccept(TONGDA.id)).isEmpty();
        assertThat(ticket.orderToAccept(SANITATION.id)).isPresent();
    }

    @Test
    void aSupportingOrganizationsAcceptanceIsForStaffOnly() {
        Ticket ticket = PlainTickets.dispatched();

        ticket.accept(SANITATION.id, new Actor("sanitation.crew", "CONTRACTOR"), DISPATCHED_AT.plusSeconds(90 * 60));

        TicketEvent event = ticket.events.get(ticket.events.size() - 1);
        assertThat(event.visibility).isEqualTo(Visibility.INTERNAL);
        assertThat(EventWording.params(event.wordingParams)).containsEntry("role", "SUPPORT");
    }

    @Test
    void anOrderIsAcceptedOnce() {
        Ticket ticket = PlainTickets.dispatched();
        ticket.accept(TONGDA.id, CREW, DISPATCHED_AT.plusSeconds(60));
        int events = ticket.events.size();

        assertThatThrownBy(() -> ticket.accept(TONGDA.id, CREW, DISPATCHED_AT.plusSeconds(120)))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class,
                        problem -> assertThat(problem.status()).isEqualTo(409));
        assertThat(ticket.events).hasSize(events);
        assertThat(ticket.activeAssignments().get(0).acceptedAt).isEqualTo(DISPATCHED_AT.plusSeconds(60));
    }

    @Test
    void onlyAnOrganizationDispatchedToTheTicketAccepts() {
        Ticket ticket = PlainTickets.dispatched();

        assertThatThrownBy(() -> ticket.accept(99L, CREW, DISPATCHED_AT)).isInstanceOf(InvalidRequestProblem.class);
    }

    @Test
    void nothingIsAcceptedBeforeADispatchOrAfterTheResolution() {
        Ticket reported = PlainTickets.reported();
        assertThatThrownBy(() -> reported.accept(TONGDA.id, CREW, DISPATCHED_AT))
                .isInstanceOf(IllegalTransitionProblem.class);

        Ticket resolved = PlainTickets.dispatched();
        resolved.start(CREW, DISPATCHED_AT.plusSeconds(60));
        resolved.accept(SANITATION.id, CREW, DISPATCHED_AT.plusSeconds(70));
        resolved.resolve("已疏通", null, CREW, DISPATCHED_AT.plusSeconds(3600));
        assertThatThrownBy(() -> resolved.accept(TONGDA.id, CREW, DISPATCHED_AT.plusSeconds(3700)))
                .isInstanceOf(IllegalTransitionProblem.class);
    }

    @Test
    void aReassignmentKeepsTheAcceptanceOfAnOrderThatStays() {
        Ticket ticket = PlainTickets.dispatched();
        ticket.accept(TONGDA.id, CREW, DISPATCHED_AT.plusSeconds(60));
        Instant again = DISPATCHED_AT.plusSeconds(7200);

        ticket.dispatch(List.of(new AssignmentOrder(TONGDA, AssignmentRole.LEAD)), STAFF, again, again.plusSeconds(3600));

        assertThat(ticket.activeAssignments()).hasSize(1);
        assertThat(ticket.activeAssignments().get(0).acceptedAt).isEqualTo(DISPATCHED_AT.plusSeconds(60));
        assertThat(ticket.hasOrderToAccept()).isFalse();
    }

    @Test
    void theTimelineSaysWhoAcceptedInEitherLanguage() {
        Ticket ticket = PlainTickets.dispatched();
        ticket.accept(TONGDA.id, CREW, DISPATCHED_AT.plusSeconds(60));
        TicketEvent event = ticket.events.get(ticket.events.size() - 1);

        // Rendered from the bundle when shown (AcceptTicketTest); stored with both names as they were.
        assertThat(EventWording.params(event.wordingParams)).containsEntry("zh", "通达管道专业清掏队")
                .containsEntry("en", "Tongda Pipe Dredging Team");
    }

    // --- Return (退单) ---------------------------------------------------------------------------------------

    @Test
    void aReturnReleasesTheOrdersAndPutsTheTicketBackInTheDispatchersQueue() {
        Ticket ticket = PlainTickets.dispatched();
        Instant at = DISPATCHED_AT.plusSeconds(300);

        TicketReturn row = ticket.returnOrder(ReturnReason.WRONG_ADDRESS, "小区里没有这栋楼", CREW, at);

        assertThat(ticket.status).isEqualTo(TicketStatus.REPORTED);
        assertThat(ticket.activeAssignments()).isEmpty();
        assertThat(ticket.assignments).allSatisfy(a -> assertThat(a.releasedAt).isEqualTo(at));
        assertThat(ticket.leadOrganization).isNull();
        assertThat(ticket.returnedAt).isEqualTo(at);
        assertThat(ticket.isReturned()).isTrue();
        assertThat(ticket.latestReturn()).isSameAs(row);
        assertThat(row.organization).isSameAs(TONGDA);
        assertThat(row.reason).isEqualTo(ReturnReason.WRONG_ADDRESS);
        assertThat(row.comment).isEqualTo("小区里没有这栋楼");
        assertThat(row.returnedBy).isEqualTo(CREW.name());
        TicketEvent event = ticket.events.get(ticket.events.size() - 1);
        assertThat(event.type).isEqualTo(EventType.RETURNED);
        assertThat(event.visibility).isEqualTo(Visibility.INTERNAL);
        assertThat(event.note).isEqualTo("小区里没有这栋楼");
        assertThat(EventWording.params(event.wordingParams)).containsEntry("code", "tongda-dredging")
                .containsEntry("reason", "WRONG_ADDRESS").doesNotContainKey("role");
        // The resolve clock keeps running: the due time stays.
        assertThat(ticket.dueAt).isEqualTo(PlainTickets.reported().dueAt);
    }

    @Test
    void aDispatchAgainKeepsTheFirstDispatchAsTheResponseAndEndsTheReturn() {
        Ticket ticket = PlainTickets.dispatched();
        Instant firstDispatch = ticket.dispatchedAt;
        long secondsToDispatch = ticket.secondsToDispatch;
        ticket.returnOrder(ReturnReason.NOT_OUR_JURISDICTION, "不归我们管", CREW, DISPATCHED_AT.plusSeconds(300));

        ticket.dispatch(List.of(new AssignmentOrder(SANITATION, AssignmentRole.LEAD)), STAFF,
                DISPATCHED_AT.plusSeconds(900), DISPATCHED_AT.plusSeconds(4500));

        assertThat(ticket.status).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(ticket.dispatchedAt).isEqualTo(firstDispatch);
        assertThat(ticket.secondsToDispatch).isEqualTo(secondsToDispatch);
        assertThat(ticket.returnedAt).isNull();
        assertThat(ticket.isReturned()).isFalse();
        assertThat(ticket.latestReturn()).isNull();
        assertThat(ticket.leadOrganization).isSameAs(SANITATION);
        assertThat(ticket.events.get(ticket.events.size() - 1).type).isEqualTo(EventType.DISPATCHED);
    }

    @Test
    void aCancellationEndsTheReturn() {
        Ticket ticket = PlainTickets.dispatched();
        ticket.returnOrder(ReturnReason.DUPLICATE, "与另一单重复", CREW, DISPATCHED_AT.plusSeconds(300));

        ticket.cancel(CancelReason.WITHDRAWN, null, STAFF, DISPATCHED_AT.plusSeconds(600));

        assertThat(ticket.status).isEqualTo(TicketStatus.CANCELLED);
        assertThat(ticket.returnedAt).isNull();
    }

    @Test
    void noReturnBeforeTheDispatchOrAfterTheStart() {
        Ticket reported = PlainTickets.reported();
        assertThatThrownBy(() -> reported.returnOrder(ReturnReason.DUPLICATE, "x", CREW, DISPATCHED_AT))
                .isInstanceOf(IllegalTransitionProblem.class);

        Ticket started = PlainTickets.dispatched();
        started.start(CREW, DISPATCHED_AT.plusSeconds(60));
        assertThatThrownBy(() -> started.returnOrder(ReturnReason.DUPLICATE, "x", CREW, DISPATCHED_AT.plusSeconds(120)))
                .isInstanceOf(IllegalTransitionProblem.class);

        Ticket reopened = PlainTickets.dispatched();
        reopened.start(CREW, DISPATCHED_AT.plusSeconds(60));
        reopened.resolve("好了", null, CREW, DISPATCHED_AT.plusSeconds(120));
        reopened.reopen("没好", STAFF, DISPATCHED_AT.plusSeconds(180));
        assertThatThrownBy(() -> reopened.returnOrder(ReturnReason.DUPLICATE, "x", CREW, DISPATCHED_AT.plusSeconds(240)))
                .isInstanceOf(IllegalTransitionProblem.class).hasMessageContaining("started already");
        assertThat(reopened.assignments).allSatisfy(a -> assertThat(a.isActive()).isTrue());
    }

    // --- Extension (延期申请) ---------------------------------------------------------------------------

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    @Test
    void anApprovedExtensionMovesTheDueTimeAndKeepsTheOriginal() {
        Ticket ticket = PlainTickets.dispatched();
        Instant original = ticket.dueAt;
        Instant requested = original.plus(java.time.Duration.ofDays(3));
        Instant asked = DISPATCHED_AT.plusSeconds(3600);

        TicketExtension request = ticket.requestExtension(TONGDA, requested, "需更换管段", CREW, asked, ZONE);

        assertThat(ticket.dueAt).isEqualTo(original);
        assertThat(ticket.hasPendingExtension()).isTrue();
        assertThat(request.dueAtBefore).isEqualTo(original);
        TicketEvent requestedEvent = ticket.events.get(ticket.events.size() - 1);
        assertThat(requestedEvent.type).isEqualTo(EventType.EXTENSION_REQUESTED);
        assertThat(requestedEvent.visibility).isEqualTo(Visibility.INTERNAL);
        assertThat(requestedEvent.note).isEqualTo("需更换管段");

        ticket.approveExtension(null, STAFF, asked.plusSeconds(600), ZONE);

        assertThat(ticket.dueAt).isEqualTo(requested);
        assertThat(ticket.originalDueAt).isEqualTo(original);
        assertThat(ticket.hasPendingExtension()).isFalse();
        assertThat(request.decision).isEqualTo(TicketExtension.Decision.APPROVED);
        // At risk from 80% of the time from the report to the new due time, as the escalation job counts it.
        assertThat(ticket.atRiskFrom).isEqualTo(REPORTED_AT.plusMillis(
                (long) (java.time.Duration.between(REPORTED_AT, requested).toMillis() * Ticket.AT_RISK_SHARE)));
        TicketEvent approved = ticket.events.get(ticket.events.size() - 1);
        assertThat(approved.type).isEqualTo(EventType.EXTENSION_APPROVED);
        assertThat(approved.visibility).isEqualTo(Visibility.PUBLIC);
        assertThat(approved.note).isNull();

        // A second extension keeps the due time set at intake as the original.
        Instant later = requested.plus(java.time.Duration.ofDays(1));
        ticket.requestExtension(TONGDA, later, "仍待配件", CREW, asked.plusSeconds(7200), ZONE);
        ticket.approveExtension("同意", STAFF, asked.plusSeconds(7300), ZONE);
        assertThat(ticket.dueAt).isEqualTo(later);
        assertThat(ticket.originalDueAt).isEqualTo(original);
    }

    @Test
    void anApprovedExtensionClearsTheMarksItMakesUntrue() {
        Ticket ticket = PlainTickets.dispatched();
        Instant atRisk = ticket.atRiskFrom.plusSeconds(60);
        assertThat(ticket.markAtRisk(atRisk)).isTrue();
        ticket.requestExtension(TONGDA, ticket.dueAt.plus(java.time.Duration.ofDays(10)), "配件未到", CREW,
                atRisk.plusSeconds(60), ZONE);

        ticket.approveExtension(null, STAFF, atRisk.plusSeconds(120), ZONE);

        assertThat(ticket.atRiskMarkedAt).isNull();
        assertThat(ticket.isAtRisk(atRisk.plusSeconds(120))).isFalse();
        // The job marks again against the new due time.
        assertThat(ticket.markAtRisk(ticket.atRiskFrom.plusSeconds(1))).isTrue();
    }

    @Test
    void aDecisionLateEnoughLeavesTheOverdueMarkThatIsStillTrue() {
        Ticket ticket = PlainTickets.dispatched();
        Instant requested = ticket.dueAt.plusSeconds(3600);
        ticket.requestExtension(TONGDA, requested, "配件未到", CREW, ticket.dueAt.minusSeconds(60), ZONE);
        Instant late = requested.plusSeconds(60);
        assertThat(ticket.markOverdue(late)).isTrue();

        ticket.approveExtension(null, STAFF, late.plusSeconds(1), ZONE);

        assertThat(ticket.overdueMarkedAt).isEqualTo(late);
    }

    @Test
    void aRejectedExtensionLeavesTheDueTimeAndNeedsANote() {
        Ticket ticket = PlainTickets.dispatched();
        Instant due = ticket.dueAt;
        ticket.requestExtension(TONGDA, due.plusSeconds(86_400), "配件未到", CREW, DISPATCHED_AT.plusSeconds(60), ZONE);

        assertThatThrownBy(() -> ticket.rejectExtension(" ", STAFF, DISPATCHED_AT.plusSeconds(120), ZONE))
                .isInstanceOf(InvalidRequestProblem.class);
        TicketExtension rejected = ticket.rejectExtension("时限足够", STAFF, DISPATCHED_AT.plusSeconds(120), ZONE);

        assertThat(ticket.dueAt).isEqualTo(due);
        assertThat(ticket.originalDueAt).isNull();
        assertThat(rejected.decision).isEqualTo(TicketExtension.Decision.REJECTED);
        assertThat(rejected.decisionNote).isEqualTo("时限足够");
        TicketEvent event = ticket.events.get(ticket.events.size() - 1);
        assertThat(event.type).isEqualTo(EventType.EXTENSION_REJECTED);
        assertThat(event.visibility).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void theRequestedDueTimeMustBeLaterAndNotTooFar() {
        Ticket ticket = PlainTickets.dispatched();
        Instant at = DISPATCHED_AT.plusSeconds(60);
        assertThatThrownBy(() -> ticket.requestExtension(TONGDA, ticket.dueAt, "x", CREW, at, ZONE))
                .isInstanceOf(InvalidRequestProblem.class).hasMessageContaining("later than the current one");
        assertThatThrownBy(() -> ticket.requestExtension(TONGDA, ticket.dueAt.plus(java.time.Duration.ofDays(91)), "x",
                CREW, at, ZONE)).isInstanceOf(InvalidRequestProblem.class).hasMessageContaining("90 days");
        assertThatThrownBy(() -> ticket.requestExtension(TONGDA, ticket.dueAt.plusSeconds(60), "x", CREW,
                ticket.dueAt.plusSeconds(1), ZONE)).isInstanceOf(IllegalTransitionProblem.class);
        assertThat(ticket.extensions()).isEmpty();
    }

    // --- Pause (挂起) and urging (督办) ---------------------------------------------------------------

    @Test
    void aPauseStopsTheWallClockOfHourTargetsAndTheFiguresLeaveItOut() {
        Ticket ticket = PlainTickets.dispatched();
        Instant due = ticket.dueAt;
        Instant atRisk = ticket.atRiskFrom;
        Instant acceptDue = ticket.activeAssignments().get(0).acceptDueAt;
        Instant pausedAt = REPORTED_AT.plusSeconds(1800);
        Instant resumedAt = pausedAt.plusSeconds(3 * 3600);

        ticket.pause(PauseReason.WAITING_FOR_RESIDENT, "两次上门无人", STAFF, pausedAt);

        assertThat(ticket.isPaused()).isTrue();
        assertThat(ticket.isOverdue(due.plusSeconds(60))).isFalse();
        assertThat(ticket.isAtRisk(atRisk.plusSeconds(60))).isFalse();
        assertThat(ticket.markOverdue(due.plusSeconds(60))).isFalse();
        TicketEvent paused = ticket.events.get(ticket.events.size() - 2);
        assertThat(paused.type).isEqualTo(EventType.PAUSED);
        assertThat(paused.visibility).isEqualTo(Visibility.PUBLIC);
        assertThat(paused.note).isNull();
        TicketEvent comment = ticket.events.get(ticket.events.size() - 1);
        assertThat(comment.visibility).isEqualTo(Visibility.INTERNAL);
        assertThat(comment.note).isEqualTo("两次上门无人");

        ticket.resume(STAFF, resumedAt, null);

        assertThat(ticket.isPaused()).isFalse();
        assertThat(ticket.pausedSeconds).isEqualTo(3 * 3600);
        assertThat(ticket.dueAt).isEqualTo(due.plusSeconds(3 * 3600));
        assertThat(ticket.atRiskFrom).isEqualTo(atRisk.plusSeconds(3 * 3600));
        // The order still to accept keeps the time it had left too (its target counts plain time).
        assertThat(ticket.activeAssignments().get(0).acceptDueAt).isEqualTo(acceptDue.plusSeconds(3 * 3600));
        assertThat(ticket.pauses.get(0).resumedAt).isEqualTo(resumedAt);
        assertThat(ticket.events.get(ticket.events.size() - 1).type).isEqualTo(EventType.RESUMED);

        ticket.start(CREW, resumedAt.plusSeconds(60));
        ticket.resolve("疏通", null, CREW, REPORTED_AT.plusSeconds(10 * 3600));
        assertThat(ticket.secondsToResolve).isEqualTo(7 * 3600);
    }

    @Test
    void aPauseKeepsTheWorkingTimeLeftOfWorkingTargets() {
        // Monday 2026-11-30 09:10 in Shanghai; 8 working hours (09:00-12:00, 13:30-17:30) end Tuesday 10:10.
        WorkingClock clock = new WorkingClock(ZoneId.of("Asia/Shanghai"), WorkingHours.parse("09:00-12:00,13:30-17:30"),
                Map.of());
        Ticket ticket = PlainTickets.reported();
        ticket.category.resolveUnitNormal = TargetUnit.WORKING_HOURS;
        ticket.category.resolveHoursNormal = 8;
        ticket.dueBy(REPORTED_AT, clock.due(REPORTED_AT, TimeTarget.workingHours(8)));
        assertThat(ticket.dueAt).isEqualTo(Instant.parse("2026-12-01T02:10:00Z"));

        // Paused Monday 17:00 with 1 h 40 min of working time left; resumed Wednesday 11:00.
        Instant pausedAt = Instant.parse("2026-11-30T09:00:00Z");
        Instant resumedAt = Instant.parse("2026-12-02T03:00:00Z");
        ticket.pause(PauseReason.WAITING_FOR_THIRD_PARTY, null, STAFF, pausedAt);
        ticket.resume(STAFF, resumedAt, clock);

        // 11:00-12:00, then 40 minutes after 13:30: Wednesday 14:10.
        assertThat(ticket.dueAt).isEqualTo(Instant.parse("2026-12-02T06:10:00Z"));
        assertThat(ticket.pausedSeconds).isEqualTo(42 * 3600);
        // Not dispatched yet: the dispatch target (plain hours) keeps its wall-clock time left, if it had any.
        assertThat(ticket.dispatchDueAt).isEqualTo(REPORTED_AT.plusSeconds(4 * 3600));
    }

    @Test
    void resolvingOrCancellingAPausedTicketEndsThePause() {
        Ticket ticket = PlainTickets.dispatched();
        ticket.start(CREW, REPORTED_AT.plusSeconds(3600));
        ticket.pause(PauseReason.WAITING_FOR_RESIDENT, null, STAFF, REPORTED_AT.plusSeconds(2 * 3600));

        ticket.resolve("居民开门后已疏通", null, CREW, REPORTED_AT.plusSeconds(5 * 3600));

        assertThat(ticket.isPaused()).isFalse();
        assertThat(ticket.pausedSeconds).isEqualTo(3 * 3600);
        assertThat(ticket.secondsToResolve).isEqualTo(2 * 3600);
        assertThat(ticket.pauses.get(0).resumedAt).isEqualTo(REPORTED_AT.plusSeconds(5 * 3600));

        Ticket other = PlainTickets.reported();
        other.pause(PauseReason.WAITING_FOR_RESIDENT, null, STAFF, REPORTED_AT.plusSeconds(60));
        other.cancel(CancelReason.WITHDRAWN, null, STAFF, REPORTED_AT.plusSeconds(120));
        assertThat(other.isPaused()).isFalse();
        assertThat(other.pausedSeconds).isEqualTo(60);
    }

    @Test
    void anUrgingIsAddressedToTheLeadAndOnTheStaffTimeline() {
        Ticket ticket = PlainTickets.dispatched();
        Actor supervisor = new Actor("yingbin.supervisor", "SUPERVISOR");

        TicketUrging urging = ticket.urge("今天务必完成", supervisor, ticket.dueAt.plusSeconds(60));

        assertThat(urging.organization).isSameAs(TONGDA);
        assertThat(urging.urgedBy).isEqualTo("yingbin.supervisor");
        assertThat(ticket.urgings()).hasSize(1);
        assertThat(ticket.status).isEqualTo(TicketStatus.DISPATCHED);
        TicketEvent event = ticket.events.get(ticket.events.size() - 1);
        assertThat(event.type).isEqualTo(EventType.URGED);
        assertThat(event.visibility).isEqualTo(Visibility.INTERNAL);
        assertThat(event.note).isEqualTo("今天务必完成");
        assertThat(EventWording.params(event.wordingParams)).containsEntry("code", "tongda-dredging");
    }
}
