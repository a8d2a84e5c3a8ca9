package org.communitydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.communitydesk.ticket.PlainTickets.CREW;
import static org.communitydesk.ticket.PlainTickets.SANITATION;
import static org.communitydesk.ticket.PlainTickets.TONGDA;
import static org.communitydesk.ticket.PlainTickets.caller;
import static org.communitydesk.ticket.PlainTickets.crewOf;

import java.util.EnumSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may make which move ({@link MovePermissions}), as plain objects: no Quarkus, no database. */
class MovePermissionsTest {

    private static final Caller STAFF = caller(Roles.STAFF, TicketScope.community(11L));
    private static final Caller SUPERVISOR = caller(Roles.SUPERVISOR, TicketScope.streetOffice(10L));
    private static final Caller ADMIN = caller(Roles.ADMIN, TicketScope.ALL);

    /** The roles the doors let through, written out so that a change to the table fails here. */
    private static final Map<TicketAction, Set<String>> DOORS = Map.ofEntries(
            Map.entry(TicketAction.DISPATCH, Set.of(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.START, Set.of(Roles.CONTRACTOR, Roles.ADMIN)),
            Map.entry(TicketAction.RESOLVE, Set.of(Roles.CONTRACTOR, Roles.ADMIN)),
            Map.entry(TicketAction.CLOSE, Set.of(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.CANCEL, Set.of(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.REOPEN, Set.of(Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.ACCEPT, Set.of(Roles.CONTRACTOR, Roles.ADMIN)),
            Map.entry(TicketAction.RETURN, Set.of(Roles.CONTRACTOR, Roles.ADMIN)),
            Map.entry(TicketAction.REQUEST_EXTENSION, Set.of(Roles.CONTRACTOR, Roles.ADMIN)),
            Map.entry(TicketAction.APPROVE_EXTENSION, Set.of(Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.REJECT_EXTENSION, Set.of(Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.URGE, Set.of(Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.PAUSE, Set.of(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN)),
            Map.entry(TicketAction.RESUME, Set.of(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN)));

    @ParameterizedTest
    @EnumSource(TicketAction.class)
    void everyMoveHasItsRolesInTheTable(TicketAction action) {
        assertThat(MovePermissions.rolesFor(action)).containsExactlyInAnyOrderElementsOf(DOORS.get(action));
    }

    @ParameterizedTest
    @EnumSource(TicketAction.class)
    void everyStateThatAllowsAMoveHasARowForIt(TicketAction action) {
        for (TicketStatus status : TicketStatus.values()) {
            if (status.after(action).isPresent()) {
                assertThat(MovePermissions.rowFor(action, status)).as("%s from %s", action, status).isPresent();
            }
        }
    }

    @Test
    void onlySupervisorsChangeTheOrganizationsOfADispatchedTicket() {
        assertThat(MovePermissions.rowFor(TicketAction.DISPATCH, TicketStatus.REPORTED).orElseThrow().roles())
                .contains(Roles.STAFF);
        for (TicketStatus dispatched : EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS)) {
            assertThat(MovePermissions.rowFor(TicketAction.DISPATCH, dispatched).orElseThrow().roles())
                    .containsExactlyInAnyOrder(Roles.SUPERVISOR, Roles.ADMIN);
        }
        Ticket ticket = PlainTickets.dispatched();
        assertThat(MovePermissions.allowedFor(ticket, STAFF)).containsExactly("cancel", "pause");
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR)).containsExactly("cancel", "dispatch", "pause");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.DISPATCH, ticket, STAFF))
                .isInstanceOf(ForbiddenProblem.class).hasMessageContaining("street-office supervisor");
    }

    @Test
    void allowedActionsAreTheStatesMovesThatTheCallerMayMake() {
        Ticket reported = PlainTickets.reported();
        assertThat(MovePermissions.allowedFor(reported, STAFF)).containsExactly("cancel", "dispatch", "pause");
        assertThat(MovePermissions.allowedFor(reported, crewOf(TONGDA))).isEmpty();

        Ticket dispatched = PlainTickets.dispatched();
        assertThat(MovePermissions.allowedFor(dispatched, crewOf(TONGDA)))
                .containsExactly("accept", "request-extension", "return", "start");
        assertThat(MovePermissions.allowedFor(dispatched, ADMIN))
                .containsExactly("accept", "cancel", "dispatch", "pause", "request-extension", "return", "start");
    }

    @Test
    void acceptIsOfferedToEachOrganizationUntilItAccepted() {
        Ticket ticket = PlainTickets.dispatched();

        ticket.accept(TONGDA.id, CREW, PlainTickets.REPORTED_AT.plusSeconds(900));

        assertThat(MovePermissions.allowedFor(ticket, crewOf(TONGDA))).containsExactly("request-extension", "return",
                "start");
        assertThat(MovePermissions.allowedFor(ticket, crewOf(SANITATION))).containsExactly("accept", "start");
        // The administrator may record the acceptance of the one organization still to accept.
        assertThat(MovePermissions.allowedFor(ticket, ADMIN)).contains("accept");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.ACCEPT, ticket, crewOf(TONGDA)))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.extensions()).containsEntry("allowedActions",
                            java.util.List.of("request-extension", "return", "start"));
                });

        ticket.accept(SANITATION.id, new Actor("sanitation.crew", Roles.CONTRACTOR), PlainTickets.REPORTED_AT.plusSeconds(999));
        assertThat(MovePermissions.allowedFor(ticket, ADMIN)).doesNotContain("accept");
    }

    @Test
    void aMoveTheStateDoesNotAllowIsRefusedWithTheMovesOfTheState() {
        Ticket dispatched = PlainTickets.dispatched();

        // The staff member may only cancel, but the answer names what the state allows, as it always did.
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.CLOSE, dispatched, STAFF))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> assertThat(problem.extensions())
                        .containsEntry("currentStatus", TicketStatus.DISPATCHED).containsEntry("attempted", "close")
                        .containsEntry("allowedActions", java.util.List.of("accept", "approve-extension", "cancel",
                                "dispatch", "pause", "reject-extension", "request-extension", "resume", "return", "start",
                                "urge")));
    }

    @Test
    void urgingIsForSupervisorsWhileTheTicketIsAtRiskOrOverdue() {
        Ticket ticket = PlainTickets.dispatched();
        // Due 48 hours after the report; at risk from 80% of that.
        Instant early = PlainTickets.REPORTED_AT.plusSeconds(3600);
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR, early)).doesNotContain("urge");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.URGE, ticket, SUPERVISOR, early))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.detail()).contains("neither at risk nor overdue");
                });

        Instant atRisk = ticket.atRiskFrom.plusSeconds(1);
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR, atRisk)).contains("urge");
        assertThat(MovePermissions.allowedFor(ticket, STAFF, atRisk)).doesNotContain("urge");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.URGE, ticket, STAFF, atRisk))
                .isInstanceOf(ForbiddenProblem.class);
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.URGE, ticket, crewOf(TONGDA), atRisk))
                .isInstanceOf(ForbiddenProblem.class);
        MovePermissions.check(TicketAction.URGE, ticket, ADMIN, ticket.dueAt.plusSeconds(1));

        // Paused, its time stands: neither at risk nor overdue, so not urged.
        ticket.pause(PauseReason.WAITING_FOR_RESIDENT, null, PlainTickets.STAFF, ticket.dueAt.minusSeconds(10));
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR, ticket.dueAt.plusSeconds(1))).doesNotContain("urge")
                .contains("resume");
    }

    @Test
    void pauseOnlyWhileRunningAndResumeOnlyWhilePaused() {
        Ticket ticket = PlainTickets.reported();
        assertThat(MovePermissions.allowedFor(ticket, STAFF)).contains("pause").doesNotContain("resume");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.RESUME, ticket, STAFF))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class,
                        problem -> assertThat(problem.detail()).contains("is not paused"));

        ticket.pause(PauseReason.WAITING_FOR_THIRD_PARTY, "等供电局", PlainTickets.STAFF, PlainTickets.REPORTED_AT.plusSeconds(60));

        assertThat(MovePermissions.allowedFor(ticket, STAFF)).contains("resume").doesNotContain("pause");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.PAUSE, ticket, STAFF))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class,
                        problem -> assertThat(problem.detail()).contains("paused already"));
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.PAUSE, ticket, crewOf(TONGDA)))
                .isInstanceOf(ForbiddenProblem.class);
    }

    @Test
    void aRoleThatMayNeverMakeTheMoveIsRefusedBeforeTheTicketIsRead() {
        assertThatThrownBy(() -> MovePermissions.requireRole(TicketAction.ACCEPT, STAFF))
                .isInstanceOf(ForbiddenProblem.class).extracting(e -> ((ProblemException) e).detail())
                .isEqualTo("Your role may not do this.");
        MovePermissions.requireRole(TicketAction.ACCEPT, crewOf(TONGDA));
    }

    @Test
    void theLeadOrganizationPartyLetsOnlyTheLeadsCrewThrough() {
        Ticket ticket = PlainTickets.dispatched();

        assertThat(MovePermissions.partyMay(MovePermissions.Party.LEAD_ORGANIZATION, ticket, crewOf(TONGDA))).isTrue();
        assertThat(MovePermissions.partyMay(MovePermissions.Party.LEAD_ORGANIZATION, ticket, crewOf(SANITATION))).isFalse();
        assertThat(MovePermissions.partyMay(MovePermissions.Party.LEAD_ORGANIZATION, ticket, SUPERVISOR)).isTrue();
    }

    @Test
    void onlyTheLeadsCrewReturnsTheOrderAndOnlyBeforeTheWorkStarted() {
        Ticket ticket = PlainTickets.dispatched();
        var row = MovePermissions.rowFor(TicketAction.RETURN, TicketStatus.DISPATCHED).orElseThrow();
        assertThat(row.party()).isEqualTo(MovePermissions.Party.LEAD_ORGANIZATION);
        assertThat(MovePermissions.rowFor(TicketAction.RETURN, TicketStatus.IN_PROGRESS)).isEmpty();

        assertThat(MovePermissions.allowedFor(ticket, crewOf(SANITATION))).doesNotContain("return");
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR)).doesNotContain("return");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.RETURN, ticket, crewOf(SANITATION)))
                .isInstanceOf(ForbiddenProblem.class).hasMessageContaining("leads the work");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.RETURN, ticket, STAFF))
                .isInstanceOf(ForbiddenProblem.class);
        MovePermissions.check(TicketAction.RETURN, ticket, crewOf(TONGDA));
        MovePermissions.check(TicketAction.RETURN, ticket, ADMIN);

        // Started, resolved and reopened: DISPATCHED again, but the work was started once; the condition refuses it.
        ticket.start(CREW, PlainTickets.REPORTED_AT.plusSeconds(1200));
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.RETURN, ticket, crewOf(TONGDA)))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> assertThat(problem.extensions())
                        .containsEntry("currentStatus", TicketStatus.IN_PROGRESS));
        ticket.resolve("修好了", null, CREW, PlainTickets.REPORTED_AT.plusSeconds(1800));
        ticket.reopen("还是不亮", PlainTickets.STAFF, PlainTickets.REPORTED_AT.plusSeconds(2400));
        assertThat(ticket.status).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(MovePermissions.allowedFor(ticket, crewOf(TONGDA))).doesNotContain("return");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.RETURN, ticket, crewOf(TONGDA)))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.detail()).contains("started already");
                    assertThat(String.valueOf(problem.extensions().get("allowedActions"))).doesNotContain("return");
                });
    }

    @Test
    void theDoorReadsTheMoveFromThePathsLastSegment() {
        assertThat(TicketMoveDoor.moveOf("/api/tickets/CD-2026-000011/accept")).contains(TicketAction.ACCEPT);
        assertThat(TicketMoveDoor.moveOf("/console/tickets/CD-2026-000011/start/")).contains(TicketAction.START);
        assertThat(TicketMoveDoor.moveOf("/api/tickets/CD-2026-000011/notes")).isEmpty();
        assertThat(TicketMoveDoor.moveOf(null)).isEmpty();
    }

    @Test
    void ifMatchBecomesTheVersionsItNames() {
        assertThat(ETags.expectedVersion(null).isNone()).isTrue();
        assertThat(ETags.expectedVersion("*").isNone()).isTrue();
        assertThat(ETags.expectedVersion("\"3\"").versions()).containsExactly(3L);
        assertThat(ETags.expectedVersion("\"3-abc\", \"4\"").versions()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(ETags.expectedVersion("W/\"3\"").allows(3)).isFalse();
        assertThat(ExpectedVersion.ofForm("7").allows(7)).isTrue();
        assertThat(ExpectedVersion.ofForm("seven").allows(7)).isFalse();
        assertThat(ExpectedVersion.ofForm(" ").isNone()).isTrue();
    }

    @Test
    void theLeadAsksForAnExtensionBeforeItsDueTimeAndOneAtATime() {
        Ticket ticket = PlainTickets.dispatched();
        java.time.Instant beforeDue = ticket.dueAt.minusSeconds(60);
        // A supporting organization does not lead: refused as another organization's move.
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.REQUEST_EXTENSION, ticket, crewOf(SANITATION), beforeDue))
                .isInstanceOf(ForbiddenProblem.class).hasMessageContaining("leads the work");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.REQUEST_EXTENSION, ticket, STAFF, beforeDue))
                .isInstanceOf(ForbiddenProblem.class);
        MovePermissions.check(TicketAction.REQUEST_EXTENSION, ticket, crewOf(TONGDA), beforeDue);
        // Past the due time: not offered, and refused with 409.
        java.time.Instant afterDue = ticket.dueAt.plusSeconds(1);
        assertThat(MovePermissions.allowedFor(ticket, crewOf(TONGDA), afterDue)).doesNotContain("request-extension");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.REQUEST_EXTENSION, ticket, crewOf(TONGDA), afterDue))
                .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.getMessage()).contains("due time has passed");
                });

        ticket.requestExtension(TONGDA, ticket.dueAt.plusSeconds(86_400), "配件未到", CREW, beforeDue, ZONE);

        assertThat(MovePermissions.allowedFor(ticket, crewOf(TONGDA), beforeDue)).doesNotContain("request-extension");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.REQUEST_EXTENSION, ticket, crewOf(TONGDA), beforeDue))
                .isInstanceOf(IllegalTransitionProblem.class).hasMessageContaining("already waits");
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR, beforeDue))
                .contains("approve-extension", "reject-extension");
        assertThat(MovePermissions.allowedFor(ticket, ADMIN, beforeDue)).contains("approve-extension", "reject-extension");
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.APPROVE_EXTENSION, ticket, STAFF, beforeDue))
                .isInstanceOf(ForbiddenProblem.class);
        assertThatThrownBy(() -> MovePermissions.check(TicketAction.APPROVE_EXTENSION, ticket, crewOf(TONGDA), beforeDue))
                .isInstanceOf(ForbiddenProblem.class);
    }

    @Test
    void aDecisionNeedsAWaitingRequest() {
        Ticket ticket = PlainTickets.dispatched();
        assertThat(MovePermissions.allowedFor(ticket, SUPERVISOR)).doesNotContain("approve-extension", "reject-extension");
        for (TicketAction decision : EnumSet.of(TicketAction.APPROVE_EXTENSION, TicketAction.REJECT_EXTENSION)) {
            assertThatThrownBy(() -> MovePermissions.check(decision, ticket, SUPERVISOR))
                    .isInstanceOfSatisfying(IllegalTransitionProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(409);
                        assertThat(problem.getMessage()).contains("no extension request waiting");
                    });
        }
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
}
