package org.communitydesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.Map;
import org.communitydesk.calendar.TargetUnit;
import org.communitydesk.calendar.WorkingCalendar;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.RecentAnswers;
import org.communitydesk.common.Roles;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.communitydesk.ticket.Ticket.AssignmentOrder;
import org.communitydesk.ticket.TicketRequests.AcceptRequest;
import org.communitydesk.ticket.TicketRequests.AddReportRequest;
import org.communitydesk.ticket.TicketRequests.CancelRequest;
import org.communitydesk.ticket.TicketRequests.CreateTicketRequest;
import org.communitydesk.ticket.TicketRequests.DecisionRequest;
import org.communitydesk.ticket.TicketRequests.DispatchRequest;
import org.communitydesk.ticket.TicketRequests.ExtensionRequest;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.communitydesk.ticket.TicketRequests.MoveRequest;
import org.communitydesk.ticket.TicketRequests.NoteRequest;
import org.communitydesk.ticket.TicketRequests.PauseRequest;
import org.communitydesk.ticket.TicketRequests.UrgeRequest;
import org.communitydesk.ticket.TicketRequests.ReopenRequest;
import org.communitydesk.ticket.TicketRequests.ResolveRequest;
import org.communitydesk.ticket.TicketRequests.ReturnRequest;
import org.communitydesk.ticket.TicketViews.AccessBlocksView;
import org.communitydesk.ticket.TicketViews.AccessCodeView;
import org.communitydesk.ticket.TicketViews.AssignmentView;
import org.communitydesk.ticket.TicketViews.EventView;
import org.communitydesk.ticket.TicketViews.FurtherCallView;
import org.communitydesk.ticket.TicketViews.LocationView;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.ticket.TicketViews.ReporterView;
import org.communitydesk.ticket.TicketViews.ReturnView;
import org.communitydesk.ticket.TicketViews.TicketRef;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.jboss.logging.Logger;

/**
 * Use cases on tickets. Each change locks the ticket row, checks the version the caller expects (none, or
 * the number its page or If-Match named), checks the move against {@link MovePermissions}, applies one method
 * of the aggregate and answers with the new state. Commands are validated here (their constraints, as
 * {@code ConstraintViolationException}), so the API, the pages and Open311 all get the same checks.
 */
@ApplicationScoped
@Transactional
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(72);

    @Inject
    Clock clock;

    @Inject
    TicketCodes codes;

    @Inject
    AccessCodes accessCodes;

    @Inject
    AppMetrics metrics;

    @Inject
    WorkingCalendar workingCalendar;

    @Inject
    org.communitydesk.common.AppConfig config;

    /**
     * Staff views built in the last seconds, by ticket, version, newest timeline event, caller and clock period:
     * every change a view shows moves the ticket's version or records an event (an extension request, an urging,
     * a new call at the same compound that is a possible duplicate), except the access blocks, whose views are not
     * kept; a renamed organization, or a flag that only the time turns (overdue), shows within
     * {@link RecentAnswers#TIME_TO_LIVE}. A dispatcher refreshing a ticket, or a crew's phone polling it, costs
     * one statement after the sign-in.
     */
    private final RecentAnswers<StaffViewKey, TicketView> recentViews = new RecentAnswers<>(1_000);

    private record StaffViewKey(long ticket, long version, long newestEvent, Caller caller, long period) {
    }

    public TicketView create(@NotNull @Valid CreateTicketRequest request, Caller caller) {
        return create(request, List.of(), caller);
    }

    /** A new ticket with the answers to its service's further questions (checked by the channel that asked them). */
    public TicketView create(@NotNull @Valid CreateTicketRequest request, List<TicketAttribute.Answer> answers,
            Caller caller) {
        Instant now = clock.instant();
        ServiceCategory category = ServiceCategory.findByCode(request.categoryCode().strip())
                .orElseThrow(() -> new InvalidRequestProblem("categoryCode",
                        "No category with code '" + request.categoryCode().strip() + "'."));
        var location = request.location();
        Area community = Area.findByCode(location.communityCode().strip()).filter(Area::isCommunity)
                .orElseThrow(() -> new InvalidRequestProblem("location.communityCode",
                        "No community with code '" + location.communityCode().strip() + "'."));
        if (!caller.scope().coversCommunity(community)) {
            throw new ForbiddenProblem("You may log calls only for the communities you work for; "
                    + community.nameZh + " (" + community.code + ") is not one of them.");
        }
        Site site = null;
        if (location.siteCode() != null && !location.siteCode().isBlank()) {
            site = Site.findByCode(location.siteCode().strip())
                    .orElseThrow(() -> new InvalidRequestProblem("location.siteCode",
                            "No site with code '" + location.siteCode().strip() + "'."));
        }
        var intake = new Ticket.Intake(category, request.priority(), request.channel(), request.description().strip(),
                request.reporter().toReporter(), community, site, blankToNull(location.addressDetail()),
                location.latitude(), location.longitude(), Boolean.TRUE.equals(request.notifyResident()),
                Boolean.TRUE.equals(request.crewMayCall()));
        Ticket ticket = Ticket.report(codes.next(now), intake, caller.actor(), now, workingCalendar);
        ticket.answer(answers);
        String accessCode = ticket.issueAccessCode(accessCodes, caller.actor(), now);
        ticket.persist();
        LOG.infof("Ticket %s reported: category %s, community %s, channel %s", ticket.code, category.code,
                community.code, ticket.channel);
        metrics.count(AppMetrics.TICKETS_LOGGED, AppMetrics.CHANNEL, ticket.channel.name(), AppMetrics.CATEGORY, category.code);
        // A ticket made just now has no wrong access codes against it: its guards are not read (7% of an intake).
        return view(ticket, now, caller, accessCode, false);
    }

    /** A new access code for the resident, for when the first one was lost; the old one stops working. */
    public AccessCodeView reissueAccessCode(String code, ExpectedVersion expected, Caller caller) {
        Ticket ticket = lockForChange(code, expected, caller.scope());
        String accessCode = ticket.issueAccessCode(accessCodes, caller.actor(), clock.instant());
        // The guesses were against the old code: the new one starts clean, for every client.
        long cleared = AccessGuards.clear(ticket);
        ticket.flush();
        LOG.infof("Ticket %s: a new access code was issued by %s%s", ticket.code, caller.actor().name(),
                cleared > 0 ? "; the counts of wrong codes and any blocks were cleared" : "");
        return new AccessCodeView(ticket.code, ticket.version, accessCode);
    }

    /** Lifts every block of the ticket's public lookups (per client and ticket-wide) and forgets the counts. */
    public TicketView liftAccessBlocks(String code, Caller caller) {
        Ticket ticket = lockForChange(code, ExpectedVersion.NONE, caller.scope());
        long cleared = AccessGuards.clear(ticket);
        Instant now = clock.instant();
        ticket.liftAccessBlocks(caller.actor(), now);
        ticket.flush();
        LOG.infof("Ticket %s: blocks of public lookups lifted by %s (%d rows).", ticket.code, caller.actor().name(),
                cleared);
        return view(ticket, now, caller);
    }

    /** Staff record what the resident said on a follow-up call (回访), under their own name. */
    public TicketView recordFollowUp(String code, @NotNull @Valid FeedbackRequest request, ExpectedVersion expected,
            Caller caller) {
        return change(code, expected, caller, ticket -> ticket.giveFeedback(request.toFeedback(),
                FeedbackSource.FOLLOW_UP_CALL, caller.actor(), clock.instant()));
    }

    public TicketView addReport(String code, @NotNull @Valid AddReportRequest request, ExpectedVersion expected,
            Caller caller) {
        return change(code, expected, caller, ticket -> ticket.addReport(request.reporter().toReporter(), request.channel(),
                blankToNull(request.note()), caller.actor(), clock.instant()));
    }

    public TicketView dispatch(String code, @NotNull @Valid DispatchRequest request, ExpectedVersion expected,
            Caller caller) {
        MovePermissions.requireRole(TicketAction.DISPATCH, caller);
        List<AssignmentOrder> orders = request.assignments().stream()
                .map(a -> new AssignmentOrder(Organization.findByCode(a.organizationCode().strip())
                        .orElseThrow(() -> new InvalidRequestProblem("assignments",
                                "No organization with code '" + a.organizationCode().strip() + "'.")), a.role()))
                .toList();
        return move(TicketAction.DISPATCH, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            ticket.dispatch(orders, caller.actor(), now, acceptanceDueAt(ticket.category, now));
            internalNote(ticket, request.note(), caller.actor(), now);
        });
    }

    /**
     * By when an organization dispatched at {@code assignedAt} should accept the order: the category's acceptance
     * target, in working time of the calendar (WORKING_HOURS) or on the wall clock (HOURS, urgent categories). The
     * one place that computes it; stored on the order, so a later change to the calendar does not move it.
     */
    Instant acceptanceDueAt(ServiceCategory category, Instant assignedAt) {
        Duration target = Duration.ofMinutes(category.acceptanceTargetMinutes);
        if (category.acceptanceTargetUnit == TargetUnit.WORKING_HOURS && !target.isZero()) {
            return workingCalendar.clockFrom(java.time.LocalDate.ofInstant(assignedAt, workingCalendar.zone()))
                    .plusWorkingTime(assignedAt, target);
        }
        return assignedAt.plus(target);
    }

    /**
     * An organization dispatched to the ticket acknowledges the order (签收). A contractor accepts for its own
     * organization; an ADMIN records the acceptance of the organization it names (told by phone, say).
     */
    public TicketView accept(String code, @Valid AcceptRequest request, ExpectedVersion expected, Caller caller) {
        String named = request == null ? null : blankToNull(request.organizationCode());
        return move(TicketAction.ACCEPT, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            Assignment accepted = ticket.accept(acceptingOrganization(named, caller), caller.actor(), now);
            internalNote(ticket, request == null ? null : request.note(), caller.actor(), now);
            LOG.infof("Ticket %s: %s accepted the order (%s)", ticket.code, accepted.organization.code, accepted.role);
        });
    }

    /** A contractor's own organization (naming another is refused); for an ADMIN, the organization it names. */
    private static long acceptingOrganization(String named, Caller caller) {
        Long own = MovePermissions.organizationOf(caller);
        if (own != null) {
            if (named != null && Organization.findByCode(named).map(o -> !o.id.equals(own)).orElse(true)) {
                throw new ForbiddenProblem("A contractor accepts orders for its own organization only.");
            }
            return own;
        }
        if (named == null) {
            throw new InvalidRequestProblem("organizationCode", "Name the organization whose acceptance you record.");
        }
        return Organization.findByCode(named).map(o -> o.id).orElseThrow(() -> new InvalidRequestProblem(
                "organizationCode", "No organization with code '" + named + "'."));
    }

    /**
     * The lead organization returns the order (退单) before starting it: a contractor for its own organization when
     * it leads; an ADMIN records it for the lead. The ticket waits in REPORTED for the street office.
     */
    public TicketView returnOrder(String code, @NotNull @Valid ReturnRequest request, ExpectedVersion expected,
            Caller caller) {
        return move(TicketAction.RETURN, code, expected, caller, ticket -> {
            TicketReturn returned = ticket.returnOrder(request.reason(), request.comment().strip(), caller.actor(),
                    clock.instant());
            LOG.infof("Ticket %s: %s returned the order (%s); it waits in the dispatcher's queue.", ticket.code,
                    returned.organization.code, returned.reason);
        });
    }

    /**
     * The lead organization asks for a later due time (延期申请). A contractor asks for its own organization, which
     * must lead the work; an ADMIN asks in the name of the lead.
     */
    public TicketView requestExtension(String code, @NotNull @Valid ExtensionRequest request, ExpectedVersion expected,
            Caller caller) {
        return move(TicketAction.REQUEST_EXTENSION, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            Organization asking = ticket.leadOrganization;
            TicketExtension asked = ticket.requestExtension(asking, request.requestedDueAt(), request.reason().strip(),
                    caller.actor(), now, zone());
            LOG.infof("Ticket %s: %s asked for an extension from %s to %s; a supervisor of %s decides.", ticket.code,
                    asking.code, asked.dueAtBefore, asked.requestedDueAt, ticket.streetOffice.code);
        });
    }

    /** A supervisor of the ticket's street office (or an ADMIN) grants the waiting extension request. */
    public TicketView approveExtension(String code, @Valid DecisionRequest request, ExpectedVersion expected,
            Caller caller) {
        String note = request == null ? null : blankToNull(request.note());
        return move(TicketAction.APPROVE_EXTENSION, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            TicketExtension decided = ticket.approveExtension(note, caller.actor(), now, zone());
            internalNote(ticket, note, caller.actor(), now);
            LOG.infof("Ticket %s: the extension to %s was approved by %s; the due time set at intake (%s) is kept.",
                    ticket.code, decided.requestedDueAt, caller.actor().name(), ticket.originalDueAt);
        });
    }

    /** A supervisor of the ticket's street office (or an ADMIN) refuses the waiting extension request, saying why. */
    public TicketView rejectExtension(String code, @NotNull @Valid DecisionRequest request, ExpectedVersion expected,
            Caller caller) {
        String note = blankToNull(request.note());
        return move(TicketAction.REJECT_EXTENSION, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            TicketExtension decided = ticket.rejectExtension(note, caller.actor(), now, zone());
            LOG.infof("Ticket %s: the extension to %s was rejected by %s; the due time stays %s.", ticket.code,
                    decided.requestedDueAt, caller.actor().name(), ticket.dueAt);
        });
    }

    private java.time.ZoneId zone() {
        return java.time.ZoneId.of(config.zone());
    }

    public TicketView start(String code, @Valid MoveRequest request, ExpectedVersion expected, Caller caller) {
        return move(TicketAction.START, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            ticket.start(caller.actor(), now);
            internalNote(ticket, request == null ? null : request.note(), caller.actor(), now);
        });
    }

    public TicketView resolve(String code, @NotNull @Valid ResolveRequest request, ExpectedVersion expected,
            Caller caller) {
        return move(TicketAction.RESOLVE, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            ticket.resolve(request.resolution().strip(), blankToNull(request.rootCause()), caller.actor(), now);
            internalNote(ticket, request.note(), caller.actor(), now);
        });
    }

    public TicketView close(String code, @Valid MoveRequest request, ExpectedVersion expected, Caller caller) {
        return move(TicketAction.CLOSE, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            ticket.close(caller.actor(), now);
            internalNote(ticket, request == null ? null : request.note(), caller.actor(), now);
        });
    }

    public TicketView cancel(String code, @NotNull @Valid CancelRequest request, ExpectedVersion expected,
            Caller caller) {
        MovePermissions.requireRole(TicketAction.CANCEL, caller);
        Ticket original = null;
        if (request.duplicateOf() != null && !request.duplicateOf().isBlank()) {
            // In scope only: a ticket the caller cannot see must look exactly like one that does not exist.
            original = findInScope(request.duplicateOf().strip(), caller.scope()).firstResultOptional()
                    .orElseThrow(() -> new InvalidRequestProblem("duplicateOf",
                            "No ticket with code '" + request.duplicateOf().strip() + "'."));
        }
        Ticket duplicated = original;
        return move(TicketAction.CANCEL, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            ticket.cancel(request.reason(), duplicated, caller.actor(), now);
            internalNote(ticket, request.note(), caller.actor(), now);
        });
    }

    public TicketView reopen(String code, @NotNull @Valid ReopenRequest request, ExpectedVersion expected,
            Caller caller) {
        return move(TicketAction.REOPEN, code, expected, caller,
                ticket -> ticket.reopen(request.reason().strip(), caller.actor(), clock.instant()));
    }

    /**
     * A supervisor urges the organization leading the work (督办) on a ticket at risk or overdue now, with a note:
     * a ticket_urging row for that organization, an INTERNAL event, and the organization's notice (outbox).
     */
    public TicketView urge(String code, @NotNull @Valid UrgeRequest request, ExpectedVersion expected, Caller caller) {
        return move(TicketAction.URGE, code, expected, caller, ticket -> {
            TicketUrging urging = ticket.urge(request.note().strip(), caller.actor(), clock.instant());
            LOG.infof("Ticket %s: %s urged %s (督办)", ticket.code, caller.actor().name(), urging.organization.code);
        });
    }

    /** Staff pause the ticket's clock (挂起) while it waits on the resident or a third party. */
    public TicketView pause(String code, @NotNull @Valid PauseRequest request, ExpectedVersion expected, Caller caller) {
        return move(TicketAction.PAUSE, code, expected, caller, ticket -> {
            ticket.pause(request.reason(), blankToNull(request.comment()), caller.actor(), clock.instant());
            LOG.infof("Ticket %s: clock paused by %s (%s)", ticket.code, caller.actor().name(), request.reason());
        });
    }

    /**
     * Staff start the paused clock again: the deadlines keep the time they had left when it stopped, counted on the
     * working calendar as stored now (from the day the pause began) for working-unit targets.
     */
    public TicketView resume(String code, @Valid MoveRequest request, ExpectedVersion expected, Caller caller) {
        return move(TicketAction.RESUME, code, expected, caller, ticket -> {
            Instant now = clock.instant();
            Instant stoppedAt = ticket.pausedAt;
            ticket.resume(caller.actor(), now,
                    workingCalendar.clockFrom(java.time.LocalDate.ofInstant(stoppedAt, workingCalendar.zone())));
            internalNote(ticket, request == null ? null : request.note(), caller.actor(), now);
            LOG.infof("Ticket %s: clock resumed by %s after %d s; due %s now", ticket.code, caller.actor().name(),
                    Duration.between(stoppedAt, now).getSeconds(), ticket.dueAt);
        });
    }

    public EventView addNote(String code, @NotNull @Valid NoteRequest request, ExpectedVersion expected, Caller caller) {
        Ticket ticket = lockForChange(code, expected, caller.scope());
        Visibility visibility = request.visibility() == null ? Visibility.INTERNAL : request.visibility();
        TicketEvent event = ticket.addNote(request.text().strip(), visibility, caller.actor(), clock.instant());
        ticket.flush();
        return EventView.of(event, EventTexts.DEFAULT);
    }

    /** For features beside the ticket (photos): the ticket if the caller may see it, else 404 as if unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ticket findForCaller(String code, Caller caller) {
        return findInScope(code, caller.scope()).firstResultOptional().orElseThrow(() -> new NotFoundProblem("ticket", code));
    }

    /** For features beside the ticket (photos): the ticket locked for a change in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket lockForCaller(String code, ExpectedVersion expected, Caller caller) {
        return lockForChange(code, expected, caller.scope());
    }

    /**
     * A staff view; the same view again while nothing it shows has changed (see {@link #recentViews}). Every call
     * reads the ticket's version within the caller's scope, its guards' latest lock ends and the newest timeline
     * event, in one statement; the ticket with its relations only when the view is built.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketView get(String code, Caller caller) {
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        var query = Ticket.getEntityManager().createQuery("select t.id, t.version,"
                + " (select max(b.window.lockedUntil) from ClientAccessGuard b where b.ticketId = t.id),"
                + " (select max(g.window.lockedUntil) from AccessGuard g where g.ticketId = t.id),"
                + " (select coalesce(max(e.id), 0) from TicketEvent e)"
                + " from Ticket t" + codeInScope(code, caller.scope(), params), Object[].class);
        params.forEach(query::setParameter);
        Object[] row = query.getResultStream().findFirst().orElseThrow(() -> new NotFoundProblem("ticket", code));
        long id = (Long) row[0];
        boolean blockRunning = row[2] != null && now.isBefore((Instant) row[2]) || row[3] != null && now.isBefore((Instant) row[3]);
        if (blockRunning) {
            // Its details change with every failed lookup, which moves nothing else: built on every call.
            return view(withViewRelations(id), now, caller, null, true);
        }
        var key = new StaffViewKey(id, (Long) row[1], (Long) row[4], caller, RecentAnswers.period(now));
        return recentViews.of(key, () -> view(withViewRelations(id), now, caller, null, false));
    }

    private static Ticket withViewRelations(long id) {
        return Ticket.<Ticket>find("select t from Ticket t" + Ticket.WITH_VIEW_RELATIONS + " where t.id = ?1", id)
                .singleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventView> events(String code, Caller caller, Locale language) {
        return TicketEvent.timelineOf(find(code, caller.scope())).stream().map(e -> EventView.of(e, language)).toList();
    }

    /**
     * A move of the state machine: the caller's role must be one that may ever make it (403, as the door says),
     * the ticket is locked at the expected version (404, 412), and {@link MovePermissions} decides on the ticket as
     * it is (409 for the state, 403 for the role or party) before the aggregate applies it.
     */
    private TicketView move(TicketAction action, String code, ExpectedVersion expected, Caller caller,
            Consumer<Ticket> change) {
        MovePermissions.requireRole(action, caller);
        TicketView moved = change(code, expected, caller, ticket -> {
            MovePermissions.check(action, ticket, caller, clock.instant());
            change.accept(ticket);
        });
        metrics.count(AppMetrics.TICKET_MOVES, AppMetrics.ACTION, action.pathName());
        return moved;
    }

    private TicketView change(String code, ExpectedVersion expected, Caller caller, Consumer<Ticket> change) {
        Ticket ticket = lockForChange(code, expected, caller.scope());
        change.accept(ticket);
        ticket.flush();
        return view(ticket, clock.instant(), caller);
    }

    /**
     * Locks the row for the rest of the transaction, so that two concurrent moves run one after
     * the other and the second one sees the state the first one left.
     */
    private Ticket lockForChange(String code, ExpectedVersion expected, TicketScope scope) {
        Ticket ticket = findInScope(code, scope).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> new NotFoundProblem("ticket", code));
        if (expected != null && !expected.allows(ticket.version)) {
            throw new StaleTicketProblem(code, expected, ticket.version);
        }
        return ticket;
    }

    /**
     * A ticket outside the caller's scope is reported as missing, so that codes cannot be probed. Read
     * with its site, lead and assignments in one query, whatever their number; areas and categories
     * come from the second-level cache.
     */
    private static Ticket find(String code, TicketScope scope) {
        return findInScope(code, scope, Ticket.WITH_VIEW_RELATIONS).singleResultOptional()
                .orElseThrow(() -> new NotFoundProblem("ticket", code));
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<Ticket> findInScope(String code, TicketScope scope) {
        return findInScope(code, scope, "");
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<Ticket> findInScope(String code, TicketScope scope,
            String fetch) {
        Map<String, Object> params = new HashMap<>();
        return Ticket.find("select t from Ticket t" + fetch + codeInScope(code, scope, params), params);
    }

    /** The where clause of the ticket {@code t} of this code within the scope; its parameters go into {@code params}. */
    private static String codeInScope(String code, TicketScope scope, Map<String, Object> params) {
        String predicate = scope.predicate("t");
        params.putAll(scope.parameters());
        params.put("code", TicketCodes.canonical(code));
        return " where t.code = :code" + (predicate == null ? "" : " and " + predicate);
    }

    private static void internalNote(Ticket ticket, String note, Actor actor, Instant at) {
        if (note != null && !note.isBlank()) {
            ticket.addNote(note.strip(), Visibility.INTERNAL, actor, at);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static TicketView view(Ticket t, Instant now, Caller caller) {
        return view(t, now, caller, null, true);
    }

    /** {@code blockMayRun} false: the caller knows no access block runs now, and the guards are not read. */
    private static TicketView view(Ticket t, Instant now, Caller caller, String accessCode, boolean blockMayRun) {
        List<AssignmentView> assignments = t.activeAssignments().stream()
                .map(a -> new AssignmentView(Ref.of(a.organization), a.role, a.assignedAt, a.acceptDueAt, a.acceptedAt,
                        a.acceptedBy, a.acceptedAt == null && a.acceptDueAt != null && a.acceptDueAt.isBefore(now)))
                .toList();
        List<String> allowed = MovePermissions.allowedFor(t, caller, now);
        // Decided requests, newest first; read only when the ticket ever had one (lazy list).
        List<TicketExtension> asked = t.extensions();
        TicketViews.ExtensionView pending = asked.stream().filter(TicketExtension::isPending).findFirst()
                .map(TicketViews.ExtensionView::of).orElse(null);
        List<TicketViews.ExtensionView> decided = asked.stream().filter(e -> !e.isPending())
                .sorted(java.util.Comparator.comparing((TicketExtension e) -> e.requestedAt).reversed()).limit(5)
                .map(TicketViews.ExtensionView::of).toList();
        return new TicketView(t.code, t.version, t.status, Ref.of(t.category), t.priority, t.channel, t.description,
                // Contractors work from the ticket; staff keep the caller's details and call back.
                caller.hasRole(Roles.CONTRACTOR) ? null : new ReporterView(t.reporterName, t.reporterPhone),
                new LocationView(Ref.of(t.streetOffice), Ref.of(t.community), Ref.of(t.site), t.addressDetail,
                        t.latitude, t.longitude),
                t.reportedAt, t.dispatchDueAt, t.dueAt, t.dispatchedAt, t.startedAt, t.resolvedAt, t.closedAt,
                t.cancelledAt, t.secondsToDispatch, t.secondsToResolve, t.secondsToClose, t.isOverdue(now), t.isAtRisk(now), t.atRiskFrom,
                t.resolution, t.rootCause, t.cancelReason, t.duplicateOf == null ? null : t.duplicateOf.code,
                t.reportCount, caller.hasRole(Roles.CONTRACTOR) ? null : furtherCalls(t), t.reopenCount,
                Ref.of(t.leadOrganization), assignments, allowed,
                possibleDuplicates(t, caller.scope()), t.feedbackDeadline(now),
                caller.hasRole(Roles.CONTRACTOR) ? null : blockMayRun ? AccessGuards.of(t, now) : AccessBlocksView.NONE,
                t.attributes().stream().map(a -> new TicketViews.AttributeView(a.code, a.label, a.answer, a.answerName)).toList(),
                caller.hasRole(Roles.CONTRACTOR) ? crewContact(t, caller.scope()) : null,
                caller.hasRole(Roles.CONTRACTOR) ? null : t.crewMayCall,
                t.originalDueAt, pending, decided,
                t.currentPause().map(p -> new TicketViews.PauseView(p.pausedAt, p.reason, p.pausedBy)).orElse(null),
                t.pausedSeconds, t.urgings().size(), latestUrging(t),
                accessCode, t.isReturned(), ReturnView.of(t.latestReturn()));
    }

    private static TicketViews.UrgingView latestUrging(Ticket t) {
        List<TicketUrging> urgings = t.urgings();
        if (urgings.isEmpty()) {
            return null;
        }
        TicketUrging last = urgings.get(urgings.size() - 1);
        return new TicketViews.UrgingView(Ref.of(last.organization), last.urgedAt, last.urgedBy, last.note);
    }

    /**
     * How a contractor arranges access: the caller's phone only when the caller agreed at intake and the
     * contractor's organization leads the work now; otherwise the community office (and the compound's
     * property manager, when it has one).
     */
    private static TicketViews.CrewContact crewContact(Ticket t, TicketScope scope) {
        boolean leads = scope.kind() == TicketScope.Kind.ORGANIZATION && t.isLedNowBy(scope.id());
        String phone = t.crewMayCall && leads ? t.reporterPhone : null;
        Organization manager = t.site == null ? null : t.site.propertyManager;
        return new TicketViews.CrewContact(phone, Ref.of(t.community), t.community.officePhone, Ref.of(manager),
                manager == null ? null : manager.contactPhone);
    }

    /** The calls added to the ticket after the first; read only when there are any (most tickets have none). */
    private static List<FurtherCallView> furtherCalls(Ticket t) {
        return t.reportCount <= 1 ? List.of() : t.reports.stream()
                .map(r -> new FurtherCallView(new ReporterView(r.reporterName, r.reporterPhone), r.channel, r.reportedAt, r.note))
                .toList();
    }

    /** Open tickets of the same category at the same site reported within 72 hours of this one, in the caller's scope. */
    static List<TicketRef> possibleDuplicates(Ticket t, TicketScope scope) {
        return t.site == null ? List.of() : duplicatesAt(t.site, t.category, t.reportedAt, t.id, scope);
    }

    /**
     * For a call not yet saved: the open tickets it may duplicate, so that staff can add the call to one
     * of them instead of opening a new ticket. Unknown codes give no hint; saving reports them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketRef> possibleDuplicatesOfCall(String categoryCode, String siteCode, Caller caller) {
        if (categoryCode == null || siteCode == null || categoryCode.isBlank() || siteCode.isBlank()) {
            return List.of();
        }
        var category = ServiceCategory.findByCode(categoryCode.strip());
        var site = Site.findByCode(siteCode.strip());
        if (category.isEmpty() || site.isEmpty()) {
            return List.of();
        }
        return duplicatesAt(site.get(), category.get(), clock.instant(), -1L, caller.scope());
    }

    private static List<TicketRef> duplicatesAt(Site site, ServiceCategory category, Instant at, Long excludedId,
            TicketScope scope) {
        String inScope = scope.predicate("c");
        Map<String, Object> params = new HashMap<>(scope.parameters());
        params.put("site", site);
        params.put("category", category);
        params.put("from", at.minus(DUPLICATE_WINDOW));
        params.put("to", at.plus(DUPLICATE_WINDOW));
        params.put("id", excludedId);
        // The ten newest only: a busy compound can have hundreds of open calls in 72 hours. Site and category
        // lead the order, constant as they are, so that H2 reads ix_ticket_site_category (V33) in its order and
        // stops after ten instead of sorting every call of the 72 hours.
        // The four columns shown, not the tickets: loading ten whole tickets with their places and organizations
        // made a read of a ticket at a busy compound a quarter as fast as one without possible duplicates.
        var query = Ticket.getEntityManager().createQuery("select c.code, c.status, c.reportedAt, c.addressDetail"
                + " from Ticket c where c.site = :site and c.category = :category"
                + " and c.reportedAt >= :from and c.reportedAt <= :to and c.status in " + TicketStatus.OPEN_STATES_JPQL
                + " and c.id <> :id" + (inScope == null ? "" : " and " + inScope)
                + " order by c.site.id, c.category.id, c.reportedAt desc, c.id desc", Object[].class).setMaxResults(10);
        params.forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> new TicketRef((String) row[0], (TicketStatus) row[1], (Instant) row[2], (String) row[3]))
                .toList();
    }
}
