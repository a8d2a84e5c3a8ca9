package org.communitydesk.ticket;

import static org.communitydesk.ticket.TicketAction.ACCEPT;
import static org.communitydesk.ticket.TicketAction.APPROVE_EXTENSION;
import static org.communitydesk.ticket.TicketAction.CANCEL;
import static org.communitydesk.ticket.TicketAction.CLOSE;
import static org.communitydesk.ticket.TicketAction.DISPATCH;
import static org.communitydesk.ticket.TicketAction.REJECT_EXTENSION;
import static org.communitydesk.ticket.TicketAction.PAUSE;
import static org.communitydesk.ticket.TicketAction.REOPEN;
import static org.communitydesk.ticket.TicketAction.REQUEST_EXTENSION;
import static org.communitydesk.ticket.TicketAction.RESOLVE;
import static org.communitydesk.ticket.TicketAction.RETURN;
import static org.communitydesk.ticket.TicketAction.RESUME;
import static org.communitydesk.ticket.TicketAction.START;
import static org.communitydesk.ticket.TicketAction.URGE;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.Roles;

/**
 * Who may make each move, beside {@link TicketStatus}'s table of where each move goes: the roles, from which
 * states, and for whom the caller acts ({@link Party}). It is the one place: {@link TicketService} enforces it,
 * the API's and the pages' doors let a role through by it ({@link TicketMoveDoor}), the spec lists its roles
 * ({@link MoveRolesInSpec}), and a ticket's {@code allowedActions} are the moves that pass it for the caller.
 * A new move is one row here and one entry in {@link TicketStatus}.
 */
public final class MovePermissions {

    /** For whom a caller makes a move, beyond seeing the ticket (its scope). */
    public enum Party {
        /** Anyone whose scope covers the ticket. */
        IN_SCOPE,
        /** A contractor only for the organization that leads the work now; other roles as their scope allows. */
        LEAD_ORGANIZATION,
        /**
         * A contractor only for its own organization's assignment, while that is not yet accepted; an ADMIN acts
         * for an organization it names, while any assignment is open to it.
         */
        OWN_ASSIGNMENT
    }

    /** One row: who ({@code roles}) may make {@code action} from the states {@code from}, for whom, and when. */
    public record Permission(TicketAction action, Set<TicketStatus> from, Set<String> roles, Party party,
            String refusal, Condition when) {
    }

    /**
     * What the ticket must be, beyond its state, for the move (a pending request to decide, a clock that is not
     * paused, a due time not yet passed...), at the time of the move; {@code refusal} is the 409's detail when it is
     * not, with %s for the ticket's code.
     */
    public record Condition(BiPredicate<Ticket, Instant> holds, String refusal) {
        static final Condition ALWAYS = new Condition(ticket -> true, null);

        /** A condition on the ticket alone, whatever the time. */
        public Condition(Predicate<Ticket> holds, String refusal) {
            this((ticket, now) -> holds.test(ticket), refusal);
        }
    }

    static final Set<String> OFFICES = roles(Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN);
    static final Set<String> SUPERVISORS = roles(Roles.SUPERVISOR, Roles.ADMIN);
    static final Set<String> CREW = roles(Roles.CONTRACTOR, Roles.ADMIN);
    private static final Set<TicketStatus> ANY = EnumSet.allOf(TicketStatus.class);

    /** What a refusal says when a row has nothing more particular: the same words as the door's 403. */
    static final String ROLE_REFUSAL = "Your role may not do this.";

    private static final List<Permission> TABLE = List.of(
            row(DISPATCH, EnumSet.of(TicketStatus.REPORTED), OFFICES, Party.IN_SCOPE, null),
            row(DISPATCH, EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.IN_PROGRESS), SUPERVISORS, Party.IN_SCOPE,
                    "Ticket %s is already dispatched; changing its organizations is for the street-office supervisor."),
            row(START, ANY, CREW, Party.IN_SCOPE, null),
            row(RESOLVE, ANY, CREW, Party.IN_SCOPE, null),
            row(CLOSE, ANY, OFFICES, Party.IN_SCOPE, null),
            row(CANCEL, ANY, OFFICES, Party.IN_SCOPE, null),
            row(REOPEN, ANY, SUPERVISORS, Party.IN_SCOPE, null),
            row(ACCEPT, ANY, CREW, Party.OWN_ASSIGNMENT, null),
            // 退单: the lead sends the order back before the work is started (a reopened order was started once).
            row(RETURN, EnumSet.of(TicketStatus.DISPATCHED), CREW, Party.LEAD_ORGANIZATION, null,
                    new Condition(ticket -> ticket.startedAt == null, "Ticket %s was started already; an order is "
                            + "returned only before its work is started. Ask the street office to reassign it.")),
            // 延期申请: the lead asks before its due time, one request at a time; the street office's supervisor decides.
            row(REQUEST_EXTENSION, ANY, CREW, Party.LEAD_ORGANIZATION, null, new Condition(
                    (ticket, now) -> !ticket.hasPendingExtension() && !ticket.dueAt.isBefore(now),
                    "Ticket %s cannot have an extension asked for now: a request already waits for the street office's "
                            + "decision, or the due time has passed (an extension is asked for before the due time).")),
            row(APPROVE_EXTENSION, ANY, SUPERVISORS, Party.IN_SCOPE, null, new Condition(Ticket::hasPendingExtension,
                    "Ticket %s has no extension request waiting for a decision.")),
            row(REJECT_EXTENSION, ANY, SUPERVISORS, Party.IN_SCOPE, null, new Condition(Ticket::hasPendingExtension,
                    "Ticket %s has no extension request waiting for a decision.")),
            // 督办 and 挂起: a supervisor urges while the ticket is at risk or overdue; the offices pause and resume.
            row(URGE, ANY, SUPERVISORS, Party.IN_SCOPE, null, new Condition(
                    (ticket, now) -> ticket.isAtRiskOrOverdue(now),
                    "Ticket %s is neither at risk nor overdue (or its clock is paused): urging is for tickets past 80%% "
                            + "of their time.")),
            row(PAUSE, ANY, OFFICES, Party.IN_SCOPE, null, new Condition(ticket -> !ticket.isPaused(),
                    "Ticket %s is paused already; resume it first.")),
            row(RESUME, ANY, OFFICES, Party.IN_SCOPE, null, new Condition(Ticket::isPaused,
                    "Ticket %s is not paused.")));

    private MovePermissions() {
    }

    public static List<Permission> table() {
        return TABLE;
    }

    /** Every role that may make the move from some state: who the door lets through. */
    public static Set<String> rolesFor(TicketAction action) {
        Set<String> roles = new LinkedHashSet<>();
        TABLE.stream().filter(p -> p.action() == action).forEach(p -> roles.addAll(p.roles()));
        return roles;
    }

    /** Whether any of the caller's roles may make the move at all (from some state). */
    public static boolean mayEver(TicketAction action, Set<String> roles) {
        return rolesFor(action).stream().anyMatch(roles::contains);
    }

    /** The row for the move from this state; empty when the row's states do not include it. */
    static Optional<Permission> rowFor(TicketAction action, TicketStatus from) {
        return TABLE.stream().filter(p -> p.action() == action && p.from().contains(from)).findFirst();
    }

    /** {@link #allowedFor(Ticket, Caller, Instant)} as of the ticket's last change (plain tests). */
    public static List<String> allowedFor(Ticket ticket, Caller caller) {
        return allowedFor(ticket, caller, ticket.updatedAt);
    }

    /** The moves the caller may make on the ticket at {@code now}, named as in their paths, sorted. */
    public static List<String> allowedFor(Ticket ticket, Caller caller, Instant now) {
        return ticket.status.allowedActions().stream()
                .filter(action -> rowFor(action, ticket.status)
                        .filter(row -> hasAny(caller, row.roles()) && partyMay(row.party(), ticket, caller)
                                && row.when().holds().test(ticket, now)).isPresent())
                .map(TicketAction::pathName).sorted(Comparator.naturalOrder()).toList();
    }

    /** Before the ticket is read: a role that may never make the move is refused as the door refuses it. */
    static void requireRole(TicketAction action, Caller caller) {
        if (!mayEver(action, caller.roles())) {
            throw new ForbiddenProblem(ROLE_REFUSAL);
        }
    }

    /**
     * The whole rule on the locked ticket: the state must allow the move (409 with the moves the state allows), the
     * caller's role must be in the row for that state (403), and the caller must act for the right party (403 for
     * the lead; 409 with the moves the caller may make when its organization has no order left to accept), and the
     * row's condition must hold (409 with the moves the caller may make).
     */
    static void check(TicketAction action, Ticket ticket, Caller caller) {
        check(action, ticket, caller, ticket.updatedAt);
    }

    /** {@link #check(TicketAction, Ticket, Caller)} with the row's condition taken at {@code now}. */
    static void check(TicketAction action, Ticket ticket, Caller caller, Instant now) {
        if (ticket.status.after(action).isEmpty()) {
            // As it always answered: the moves the state allows (the ticket's allowedActions are the caller's).
            throw new IllegalTransitionProblem(ticket.code, ticket.status, action.pathName());
        }
        Permission row = rowFor(action, ticket.status).orElseThrow(() -> new ForbiddenProblem(ROLE_REFUSAL));
        if (!hasAny(caller, row.roles())) {
            throw new ForbiddenProblem(row.refusal() == null ? ROLE_REFUSAL : row.refusal().formatted(ticket.code));
        }
        if (!partyMay(row.party(), ticket, caller)) {
            switch (row.party()) {
                case LEAD_ORGANIZATION -> throw new ForbiddenProblem("Only the organization that leads the work on ticket "
                        + ticket.code + " may do this.");
                case OWN_ASSIGNMENT -> throw new IllegalTransitionProblem(ticket.code, ticket.status, action.pathName(),
                        allowedFor(ticket, caller, now), "Ticket " + ticket.code + " has no order left for you to accept: "
                                + (organizationOf(caller) != null ? "your organization accepted it already."
                                        : "every organization dispatched to it accepted already."));
                default -> throw new ForbiddenProblem(ROLE_REFUSAL);
            }
        }
        if (!row.when().holds().test(ticket, now)) {
            throw new IllegalTransitionProblem(ticket.code, ticket.status, action.pathName(), allowedFor(ticket, caller, now),
                    row.when().refusal().formatted(ticket.code));
        }
    }

    static boolean partyMay(Party party, Ticket ticket, Caller caller) {
        Long organization = organizationOf(caller);
        return switch (party) {
            case IN_SCOPE -> true;
            case LEAD_ORGANIZATION -> organization == null || ticket.isLedNowBy(organization);
            case OWN_ASSIGNMENT -> organization == null ? ticket.hasOrderToAccept()
                    : ticket.orderToAccept(organization).isPresent();
        };
    }

    /** The organization a contractor works for; null for everyone else (they act for no organization). */
    static Long organizationOf(Caller caller) {
        return caller.scope() != null && caller.scope().kind() == TicketScope.Kind.ORGANIZATION ? caller.scope().id() : null;
    }

    private static boolean hasAny(Caller caller, Set<String> roles) {
        return roles.stream().anyMatch(caller::hasRole);
    }

    private static Permission row(TicketAction action, Set<TicketStatus> from, Set<String> roles, Party party,
            String refusal) {
        return row(action, from, roles, party, refusal, Condition.ALWAYS);
    }

    private static Permission row(TicketAction action, Set<TicketStatus> from, Set<String> roles, Party party,
            String refusal, Condition when) {
        return new Permission(action, Set.copyOf(from), roles, party, refusal, when);
    }

    private static Set<String> roles(String... roles) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(roles)));
    }
}
