package org.communitydesk.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.communitydesk.calendar.DueTimes;
import org.communitydesk.calendar.TargetUnit;
import org.communitydesk.calendar.TimeTarget;
import org.communitydesk.calendar.WorkingClock;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.Priority;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.SlaTarget;
import org.communitydesk.directory.Site;
import org.hibernate.annotations.OptimisticLock;

/**
 * The aggregate: a problem reported to a community office, from the first call to its closing.
 * Every change goes through a method here, which checks {@link TicketStatus}, records the
 * milestone and appends a {@link TicketEvent}. Fields are public for Panache; only this class writes them.
 */
@Entity
public class Ticket extends IdentityEntity {

    /**
     * Joins for reading a ticket to show it (HQL, after "from Ticket t"): the relations a view needs that
     * the second-level cache does not hold (sites and organizations change at any time on any instance).
     * Not for locking reads: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
     */
    public static final String WITH_PLACE_AND_LEAD = " left join fetch t.site left join fetch t.leadOrganization";
    /** {@link #WITH_PLACE_AND_LEAD} and the assignments with their organizations, for staff's view. */
    public static final String WITH_VIEW_RELATIONS = WITH_PLACE_AND_LEAD
            + " left join fetch t.assignments a left join fetch a.organization";

    @Column(nullable = false, unique = true, updatable = false)
    public String code;

    @Version
    public long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public ServiceCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    @Column(nullable = false)
    public String description;

    @Column(name = "reporter_name", nullable = false)
    public String reporterName;

    @Column(name = "reporter_phone")
    public String reporterPhone;

    /** The caller agreed at intake that the crew handling the ticket may phone them (to arrange access, say). */
    @Column(name = "crew_may_call", nullable = false)
    public boolean crewMayCall;

    /** The caller agreed at intake to text messages about this ticket at {@link #reporterPhone}; they can stop them. */
    @Column(name = "notify_resident", nullable = false)
    public boolean notifyResident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Area streetOffice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Area community;

    @ManyToOne(fetch = FetchType.LAZY)
    public Site site;

    @Column(name = "address_detail")
    public String addressDetail;

    public Double latitude;
    public Double longitude;

    @Column(name = "reported_at", nullable = false, updatable = false)
    public Instant reportedAt;
    @Column(name = "dispatch_due_at", nullable = false)
    public Instant dispatchDueAt;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    /**
     * When the ticket has used {@link #AT_RISK_SHARE} of its time to resolve: from then on it is at risk
     * (the queue's filter) until it is due. Moves with the due time.
     */
    @Column(name = "at_risk_from")
    public Instant atRiskFrom;
    /**
     * When the escalation job marked the ticket at risk, and overdue: each once, with an INTERNAL timeline event.
     * The job's marks are not a change of the ticket: they must not move the version that staff's If-Match compares.
     */
    @Column(name = "at_risk_marked_at")
    @OptimisticLock(excluded = true)
    public Instant atRiskMarkedAt;
    @Column(name = "overdue_marked_at")
    @OptimisticLock(excluded = true)
    public Instant overdueMarkedAt;
    /**
     * The due time set at intake, kept when an approved extension first moves {@link #dueAt}; null while the due
     * time never moved (so "on time against the original" reads {@code COALESCE(original_due_at, due_at)}).
     */
    @Column(name = "original_due_at")
    public Instant originalDueAt;
    /** Since when the ticket's clock stands (挂起); null while it runs. The open {@link TicketPause} says why. */
    @Column(name = "paused_at")
    public Instant pausedAt;
    /** The length of the finished pauses, which no deadline or duration figure counts. */
    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /**
     * When the lead organization returned the order (退单), while the ticket waits in REPORTED to be dispatched
     * again; null otherwise (a dispatch or a cancellation clears it). Each return is a {@link TicketReturn} row.
     */
    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "seconds_to_dispatch")
    public Long secondsToDispatch;
    @Column(name = "seconds_to_resolve")
    public Long secondsToResolve;
    @Column(name = "seconds_to_close")
    public Long secondsToClose;

    public String resolution;
    @Column(name = "root_cause")
    public String rootCause;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancelReason cancelReason;

    @ManyToOne(fetch = FetchType.LAZY)
    public Ticket duplicateOf;

    /** The current LEAD, kept on the ticket so that lists and residents' views need no join. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organization leadOrganization;

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Keyed hash of the resident's access code ({@link AccessCodes}); the code itself is shown once and
     * never stored. Rewriting an old bcrypt hash is not a change of the ticket: it must not move the
     * version that staff's If-Match compares.
     */
    @Column(name = "access_code_hash")
    @OptimisticLock(excluded = true)
    String accessCodeHash;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<Assignment> assignments = new ArrayList<>();

    /** Appended only; an uninitialised list is not loaded to append to it. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketEvent> events = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketReport> reports = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketFeedback> feedback = new ArrayList<>();

    /** The returns (退单) of this ticket's orders, oldest first; appended only. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketReturn> returns = new ArrayList<>();

    /** Extension requests (延期申请), oldest first; at most one waits for a decision. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketExtension> extensions = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketPause> pauses = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketUrging> urgings = new ArrayList<>();

    /** Answers to the service's further questions (Open311 attributes), given at intake only. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TicketAttribute> attributes = new ArrayList<>();

    /** Residents may give feedback on a resolution for this long. */
    public static final Duration FEEDBACK_WINDOW = Duration.ofDays(7);
    /** How far past the current due time an extension may reach. */
    public static final Duration LONGEST_EXTENSION = Duration.ofDays(90);
    /** The share of its time to resolve after which an open ticket is at risk (the 12345 rules' 80%). */
    public static final double AT_RISK_SHARE = 0.8;

    protected Ticket() {
    }

    /** Everything intake needs to open a ticket. */
    public record Intake(ServiceCategory category, Priority priority, Channel channel, String description,
            Reporter reporter, Area community, Site site, String addressDetail, Double latitude, Double longitude,
            boolean notifyResident, boolean crewMayCall) {

        /** A call whose caller was not asked whether the crew may phone them (or said no). */
        public Intake(ServiceCategory category, Priority priority, Channel channel, String description, Reporter reporter,
                Area community, Site site, String addressDetail, Double latitude, Double longitude,
                boolean notifyResident) {
            this(category, priority, channel, description, reporter, community, site, addressDetail, latitude, longitude,
                    notifyResident, false);
        }

        /** A call whose caller was not asked about text messages (or said no). */
        public Intake(ServiceCategory category, Priority priority, Channel channel, String description, Reporter reporter,
                Area community, Site site, String addressDetail, Double latitude, Double longitude) {
            this(category, priority, channel, description, reporter, community, site, addressDetail, latitude, longitude,
                    false);
        }
    }

    /**
     * A new ticket in REPORTED, due according to its category's SLA at its priority, by {@code dueTimes} (the
     * working calendar as it is now): the due times are stored, and a later change to the calendar does not move them.
     */
    public static Ticket report(String code, Intake intake, Actor actor, Instant at, DueTimes dueTimes) {
        if (!intake.community().isCommunity()) {
            throw new InvalidRequestProblem("location.communityCode", "'" + intake.community().code + "' is not a community.");
        }
        if (intake.site() != null && !Objects.equals(intake.site().community.id, intake.community().id)) {
            throw new InvalidRequestProblem("location.siteCode",
                    "Site '" + intake.site().code + "' is not in community '" + intake.community().code + "'.");
        }
        if (intake.notifyResident() && intake.reporter().phone() == null) {
            throw new InvalidRequestProblem("notifyResident", "Text messages need the caller's phone number.");
        }
        if (intake.crewMayCall() && intake.reporter().phone() == null) {
            throw new InvalidRequestProblem("crewMayCall", "The crew can call the caller only at a phone number given.");
        }
        Ticket ticket = new Ticket();
        ticket.code = code;
        ticket.category = intake.category();
        ticket.priority = intake.priority() != null ? intake.priority() : intake.category().defaultPriority;
        ticket.status = TicketStatus.REPORTED;
        ticket.channel = intake.channel();
        ticket.description = intake.description();
        ticket.reporterName = intake.reporter().name();
        ticket.reporterPhone = intake.reporter().phone();
        ticket.notifyResident = intake.notifyResident();
        ticket.crewMayCall = intake.crewMayCall();
        ticket.community = intake.community();
        ticket.streetOffice = intake.community().streetOffice();
        ticket.site = intake.site();
        ticket.addressDetail = intake.addressDetail();
        ticket.latitude = intake.latitude();
        ticket.longitude = intake.longitude();
        ticket.reportedAt = at;
        SlaTarget sla = ticket.category.slaFor(ticket.priority);
        ticket.dispatchDueAt = dueTimes.due(at, sla.toDispatch());
        ticket.dueBy(at, dueTimes.due(at, sla.toResolve()));
        ticket.reportCount = 1;
        ticket.reopenCount = 0;
        ticket.updatedAt = at;
        ticket.record(EventType.REPORTED, null, TicketStatus.REPORTED, actor, at,
                EventWording.reported(ticket.channel), null, Visibility.PUBLIC);
        return ticket;
    }

    /** Keeps the answers to the service's further questions; only while the ticket is being reported. */
    public void answer(List<TicketAttribute.Answer> answers) {
        if (id != null) {
            throw new IllegalStateException("Attributes are answered at intake only");
        }
        answers.forEach(a -> attributes.add(new TicketAttribute(this, a)));
    }

    public List<TicketAttribute> attributes() {
        return java.util.Collections.unmodifiableList(attributes);
    }

    /** One organization to assign, and in which role. */
    public record AssignmentOrder(Organization organization, AssignmentRole role) {
    }

    /** {@link #dispatch(List, Actor, Instant, Instant)} without an acceptance target (demo history, tests). */
    public void dispatch(List<AssignmentOrder> orders, Actor actor, Instant at) {
        dispatch(orders, actor, at, null);
    }

    /**
     * Assigns organizations (exactly one LEAD); a second dispatch replaces the assignments and records the change.
     * Each new assignment is to be accepted by {@code acceptDueAt} (null: no target); one kept keeps its own.
     */
    public void dispatch(List<AssignmentOrder> orders, Actor actor, Instant at, Instant acceptDueAt) {
        requireLead(orders);
        TicketStatus to = moveTo(TicketAction.DISPATCH);
        TicketStatus from = status;
        List<Assignment> current = activeAssignments();
        List<AssignmentOrder> before = current.stream().map(a -> new AssignmentOrder(a.organization, a.role)).toList();
        Set<String> kept = new HashSet<>();
        for (Assignment assignment : current) {
            boolean stays = orders.stream().anyMatch(o -> o.organization().id.equals(assignment.organization.id)
                    && o.role() == assignment.role);
            if (stays) {
                kept.add(assignment.organization.code);
            } else {
                assignment.releasedAt = at;
            }
        }
        for (AssignmentOrder order : orders) {
            if (!kept.contains(order.organization().code)) {
                assignments.add(new Assignment(this, order.organization(), order.role(), at, acceptDueAt));
            }
        }
        leadOrganization = orders.stream().filter(o -> o.role() == AssignmentRole.LEAD).findFirst().orElseThrow()
                .organization();
        if (from == TicketStatus.REPORTED) {
            if (dispatchedAt == null) {
                // The first dispatch is the response (响应): dispatching a returned order again keeps it.
                dispatchedAt = at;
                secondsToDispatch = secondsRunning(at);
            }
            returnedAt = null;
            record(EventType.DISPATCHED, from, to, actor, at, EventWording.assigned(orders), null, Visibility.PUBLIC);
        } else {
            record(EventType.REASSIGNED, from, to, actor, at, EventWording.reassigned(before, orders), null,
                    Visibility.PUBLIC);
        }
        status = to;
        updatedAt = at;
    }

    public void start(Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.START);
        if (startedAt == null) {
            startedAt = at;
        }
        transition(EventType.STARTED, to, actor, at, null, null);
    }

    /**
     * The organization acknowledges its order (签收), once per assignment; the status stays. On the timeline for
     * everyone when the lead accepts (residents see the work is taken on), for staff when a supporting one does.
     */
    public Assignment accept(long organizationId, Actor actor, Instant at) {
        moveTo(TicketAction.ACCEPT);
        Assignment order = activeAssignments().stream().filter(a -> a.organization.id.equals(organizationId))
                .findFirst().orElseThrow(() -> new InvalidRequestProblem("organizationCode",
                        "The organization is not dispatched to ticket " + code + "."));
        if (order.acceptedAt != null) {
            throw new IllegalTransitionProblem(code, status, TicketAction.ACCEPT.pathName(),
                    status.allowedActions().stream().filter(a -> a != TicketAction.ACCEPT || hasOrderToAccept())
                            .map(TicketAction::pathName).sorted().toList(),
                    "Ticket " + code + " was already accepted by " + order.organization.code + " at " + order.acceptedAt + ".");
        }
        order.accept(actor, at);
        updatedAt = at;
        record(EventType.ACCEPTED, status, status, actor, at, EventWording.accepted(order.organization, order.role), null,
                order.role == AssignmentRole.LEAD ? Visibility.PUBLIC : Visibility.INTERNAL);
        return order;
    }

    /**
     * The lead organization sends the order back (退单), before the work is started: every active assignment is
     * released, the ticket has no lead and waits in REPORTED to be dispatched again or cancelled. The return is a
     * {@link TicketReturn} row and an INTERNAL event (the resident sees the ticket as received, not the return);
     * the comment is the event's note. The due time stays: the clock to resolve keeps running.
     */
    public TicketReturn returnOrder(ReturnReason reason, String comment, Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.RETURN);
        if (startedAt != null) {
            throw new IllegalTransitionProblem(code, status, TicketAction.RETURN.pathName(),
                    status.allowedActions().stream().filter(a -> a != TicketAction.RETURN).map(TicketAction::pathName)
                            .sorted().toList(),
                    "Ticket " + code + " was started already; an order is returned only before its work is started.");
        }
        if (reason == null) {
            throw new InvalidRequestProblem("reason", "A return needs a reason.");
        }
        Organization lead = leadOrganization;
        if (lead == null) {
            throw new IllegalStateException("Ticket " + code + " is DISPATCHED without a lead organization");
        }
        activeAssignments().forEach(a -> a.releasedAt = at);
        leadOrganization = null;
        returnedAt = at;
        TicketReturn row = new TicketReturn(this, lead, reason, comment, at, actor.name());
        returns.add(row);
        TicketStatus from = status;
        status = to;
        updatedAt = at;
        record(EventType.RETURNED, from, to, actor, at, EventWording.returned(lead, reason), comment,
                Visibility.INTERNAL);
        return row;
    }

    /**
     * The return the ticket waits with, or null when it is not returned now (earlier returns are on the timeline and
     * in ticket_return). The returns are read only for a returned ticket.
     */
    public TicketReturn latestReturn() {
        if (returnedAt == null || returns.isEmpty()) {
            return null;
        }
        return returns.get(returns.size() - 1);
    }

    /** The organizations that returned an order of this ticket (退单), each once, in the order of their first return. */
    public List<Organization> organizationsThatReturned() {
        return returns.stream().map(r -> r.organization).distinct().toList();
    }

    /** Returned (退单) and waiting in REPORTED to be dispatched again or cancelled. */
    public boolean isReturned() {
        return returnedAt != null && status == TicketStatus.REPORTED;
    }

    /** The organization's order on this ticket that it has yet to accept, if any. */
    public Optional<Assignment> orderToAccept(long organizationId) {
        return activeAssignments().stream()
                .filter(a -> a.organization.id.equals(organizationId) && a.awaitsAcceptance()).findFirst();
    }

    /** Whether any organization dispatched to the ticket has yet to accept its order. */
    public boolean hasOrderToAccept() {
        return assignments.stream().anyMatch(Assignment::awaitsAcceptance);
    }

    /** The extension requests, oldest first. */
    public List<TicketExtension> extensions() {
        return java.util.Collections.unmodifiableList(extensions);
    }

    /** The extension request that waits for a decision, if any (there is at most one). */
    public Optional<TicketExtension> pendingExtension() {
        return extensions.stream().filter(TicketExtension::isPending).findFirst();
    }

    public boolean hasPendingExtension() {
        return pendingExtension().isPresent();
    }

    /**
     * The lead organization asks for a later due time (延期申请), before the current one has passed and while no
     * other request waits: later than the current due time and at most {@link #LONGEST_EXTENSION} past it. On the
     * timeline for staff, with the reason; the due time moves only when a supervisor approves.
     */
    public TicketExtension requestExtension(Organization organization, Instant requestedDueAt, String reason,
            Actor actor, Instant at, java.time.ZoneId zone) {
        moveTo(TicketAction.REQUEST_EXTENSION);
        if (hasPendingExtension()) {
            throw new IllegalTransitionProblem(code, status, TicketAction.REQUEST_EXTENSION.pathName(), List.of(),
                    "Ticket " + code + " already has an extension request waiting for the street office's decision.");
        }
        if (dueAt.isBefore(at)) {
            throw new IllegalTransitionProblem(code, status, TicketAction.REQUEST_EXTENSION.pathName(), List.of(),
                    "Ticket " + code + " was due at " + dueAt + "; an extension is asked for before the due time.");
        }
        if (!requestedDueAt.isAfter(dueAt)) {
            throw new InvalidRequestProblem("requestedDueAt",
                    "The new due time must be later than the current one (" + dueAt + ").");
        }
        if (requestedDueAt.isAfter(dueAt.plus(LONGEST_EXTENSION))) {
            throw new InvalidRequestProblem("requestedDueAt", "The new due time may be at most "
                    + LONGEST_EXTENSION.toDays() + " days after the current one (" + dueAt + ").");
        }
        TicketExtension request = new TicketExtension(this, organization, requestedDueAt, reason, actor, at);
        extensions.add(request);
        updatedAt = at;
        record(EventType.EXTENSION_REQUESTED, status, status, actor, at,
                EventWording.extension(Wording.EXTENSION_REQUESTED, requestedDueAt, zone), reason, Visibility.INTERNAL);
        return request;
    }

    /**
     * A supervisor grants the waiting request: the due time set at intake is kept in {@link #originalDueAt} (once),
     * the ticket is due at the requested time, at risk from {@link #AT_RISK_SHARE} of the new time, and the
     * escalation job's marks that the new due time makes untrue are cleared, so that the job marks again against it.
     * Residents see the new due time on the timeline, never the reason.
     */
    public TicketExtension approveExtension(String note, Actor actor, Instant at, java.time.ZoneId zone) {
        moveTo(TicketAction.APPROVE_EXTENSION);
        TicketExtension request = pendingOrRefuse(TicketAction.APPROVE_EXTENSION);
        request.decide(TicketExtension.Decision.APPROVED, note, actor, at);
        if (originalDueAt == null) {
            originalDueAt = dueAt;
        }
        dueBy(reportedAt, request.requestedDueAt);
        if (overdueMarkedAt != null && !isOverdue(at)) {
            overdueMarkedAt = null;
        }
        if (atRiskMarkedAt != null && atRiskFrom.isAfter(at)) {
            atRiskMarkedAt = null;
        }
        updatedAt = at;
        record(EventType.EXTENSION_APPROVED, status, status, actor, at,
                EventWording.extension(Wording.EXTENSION_APPROVED, request.requestedDueAt, zone), null, Visibility.PUBLIC);
        return request;
    }

    /** A supervisor refuses the waiting request, saying why (for staff only); the due time stays. */
    public TicketExtension rejectExtension(String note, Actor actor, Instant at, java.time.ZoneId zone) {
        moveTo(TicketAction.REJECT_EXTENSION);
        if (note == null || note.isBlank()) {
            throw new InvalidRequestProblem("note", "Say why the extension is refused.");
        }
        TicketExtension request = pendingOrRefuse(TicketAction.REJECT_EXTENSION);
        request.decide(TicketExtension.Decision.REJECTED, note, actor, at);
        updatedAt = at;
        record(EventType.EXTENSION_REJECTED, status, status, actor, at,
                EventWording.extension(Wording.EXTENSION_REJECTED, request.requestedDueAt, zone), note,
                Visibility.INTERNAL);
        return request;
    }

    private TicketExtension pendingOrRefuse(TicketAction action) {
        return pendingExtension().orElseThrow(() -> new IllegalTransitionProblem(code, status, action.pathName(),
                List.of(), "Ticket " + code + " has no extension request waiting for a decision."));
    }

    public void resolve(String resolutionText, String cause, Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.RESOLVE);
        resolution = resolutionText;
        rootCause = cause;
        endPause(actor, at);
        resolvedAt = at;
        secondsToResolve = secondsRunning(at);
        transition(EventType.RESOLVED, to, actor, at, EventWording.resolved(cause), resolutionText);
    }

    public void close(Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.CLOSE);
        closedAt = at;
        secondsToClose = secondsRunning(at);
        transition(EventType.CLOSED, to, actor, at, null, null);
    }

    /** Who closes a ticket whose feedback window passed: the system, not a member of staff. */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM");

    /**
     * Whether the system should close this ticket at {@code at}: resolved, and the feedback window on the
     * current resolution is over without an answer (an answer would already have closed or reopened it).
     */
    public boolean isDueForAutomaticClosing(Instant at) {
        return status == TicketStatus.RESOLVED && resolvedAt != null && at.isAfter(resolvedAt.plus(FEEDBACK_WINDOW))
                && !hasFeedbackOnCurrentResolution();
    }

    /**
     * Closes a resolved ticket whose resident did not answer within {@link #FEEDBACK_WINDOW}, with a public
     * event saying so. A ticket that is not due is refused, so that a late or repeated run changes nothing.
     */
    public void closeAutomatically(Instant at) {
        TicketStatus to = moveTo(TicketAction.CLOSE);
        if (!isDueForAutomaticClosing(at)) {
            throw new IllegalStateException("Ticket " + code + " is not due for automatic closing at " + at
                    + ": its feedback window is still open or already answered.");
        }
        closedAt = at;
        secondsToClose = secondsRunning(at);
        transition(EventType.CLOSED, to, SYSTEM, at, EventWording.of(Wording.CLOSED_AUTOMATICALLY), null);
    }

    public void cancel(CancelReason reason, Ticket original, Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.CANCEL);
        if (reason == CancelReason.DUPLICATE) {
            if (original == null) {
                throw new InvalidRequestProblem("duplicateOf", "A DUPLICATE cancellation must name the ticket it duplicates.");
            }
            if (original.id.equals(id)) {
                throw new InvalidRequestProblem("duplicateOf", "A ticket cannot duplicate itself.");
            }
        } else if (original != null) {
            throw new InvalidRequestProblem("duplicateOf", "duplicateOf is only for reason DUPLICATE.");
        }
        endPause(actor, at);
        cancelReason = reason;
        duplicateOf = original;
        cancelledAt = at;
        returnedAt = null;
        transition(EventType.CANCELLED, to, actor, at,
                EventWording.cancelled(reason, original == null ? null : original.code), null);
    }

    /** Back to DISPATCHED with the same assignments; the milestones of the failed resolution are cleared. */
    public void reopen(String reason, Actor actor, Instant at) {
        reopen(null, reason, actor, at);
    }

    private void reopen(EventWording wording, String reason, Actor actor, Instant at) {
        TicketStatus to = moveTo(TicketAction.REOPEN);
        if (atRiskFrom == null) {
            // Closed before V27 gave tickets this column: the same share of the same time.
            dueBy(reportedAt, dueAt);
        }
        reopenCount++;
        resolvedAt = null;
        secondsToResolve = null;
        closedAt = null;
        secondsToClose = null;
        resolution = null;
        rootCause = null;
        transition(EventType.REOPENED, to, actor, at, wording, reason);
    }

    /** Another call about the same problem: counted on this ticket instead of opening a new one. */
    public TicketReport addReport(Reporter reporter, Channel reportChannel, String note, Actor actor, Instant at) {
        if (!status.acceptsReports()) {
            throw new IllegalTransitionProblem(code, status, "reports");
        }
        TicketReport report = new TicketReport(this, reporter, reportChannel, note, at);
        reports.add(report);
        reportCount++;
        updatedAt = at;
        record(EventType.REPORT_ADDED, status, status, actor, at,
                EventWording.furtherReport(reportCount, reportChannel), note, Visibility.INTERNAL);
        return report;
    }

    public TicketEvent addNote(String text, Visibility visibility, Actor actor, Instant at) {
        updatedAt = at;
        return record(EventType.NOTE, status, status, actor, at, null, text, visibility);
    }

    /** Staff set where the problem is (from a photo's GPS tags): for staff only, on the timeline for them. */
    public TicketEvent placeAt(double latitude, double longitude, Actor actor, Instant at) {
        this.latitude = latitude;
        this.longitude = longitude;
        updatedAt = at;
        return record(EventType.NOTE, status, status, actor, at, EventWording.positionFromPhoto(latitude, longitude),
                null, Visibility.INTERNAL);
    }

    /** A photo was added to the ticket: on the timeline, seen by whoever may see the photo. */
    public TicketEvent recordPhoto(Visibility visibility, Actor actor, Instant at) {
        updatedAt = at;
        return record(EventType.PHOTO_ADDED, status, status, actor, at, EventWording.of(Wording.PHOTO_ADDED), null,
                visibility);
    }

    /** An ADMIN removed the ticket's photo number {@code number}; the reason stays on the timeline for staff. */
    public TicketEvent recordPhotoRemoval(long number, String reason, Actor actor, Instant at) {
        updatedAt = at;
        return record(EventType.PHOTO_REMOVED, status, status, actor, at, EventWording.photoRemoved(number), reason,
                Visibility.INTERNAL);
    }

    /**
     * A new access code for the resident; the previous one stops working. Returns the code in clear,
     * which the caller shows once. A reissue is on the timeline; the first code, given at intake, is not.
     */
    public String issueAccessCode(AccessCodes codes, Actor actor, Instant at) {
        boolean reissue = accessCodeHash != null;
        String code = codes.generate();
        accessCodeHash = codes.hash(code);
        if (reissue) {
            record(EventType.ACCESS_CODE_ISSUED, status, status, actor, at, EventWording.of(Wording.ACCESS_CODE_REISSUED),
                    null, Visibility.INTERNAL);
        } else {
            TicketEvents.publish(new TicketEvents.AccessCodeGiven(this, code, at));
        }
        return code;
    }

    /** The resident asked, from the status page, for no more text messages about this ticket; true if that changed anything. */
    public boolean stopResidentMessages(Actor actor, Instant at) {
        if (!notifyResident) {
            return false;
        }
        notifyResident = false;
        record(EventType.MESSAGES_STOPPED, status, status, actor, at, EventWording.of(Wording.MESSAGES_STOPPED), null,
                Visibility.INTERNAL);
        return true;
    }

    /** Staff let every client try access codes again; on the timeline, for staff only. */
    void liftAccessBlocks(Actor actor, Instant at) {
        record(EventType.ACCESS_BLOCKS_LIFTED, status, status, actor, at, EventWording.of(Wording.ACCESS_BLOCKS_LIFTED),
                null, Visibility.INTERNAL);
    }

    /**
     * Whether a resident's typed access code is this ticket's current one. A code still kept as bcrypt
     * (issued before December 2026) is stored keyed from now on; that is no change to the ticket, so its version
     * stays (see {@link #accessCodeHash}).
     */
    public boolean acceptsAccessCode(String typed, AccessCodes codes) {
        AccessCodes.Check check = codes.check(typed, accessCodeHash);
        if (check.rehashed() != null) {
            accessCodeHash = check.rehashed();
        }
        return check.matches();
    }

    /** Until when feedback on the current resolution is taken, or null when there is none to give. */
    public Instant feedbackDeadline(Instant now) {
        if (!status.acceptsFeedback() || resolvedAt == null || hasFeedbackOnCurrentResolution()) {
            return null;
        }
        Instant deadline = resolvedAt.plus(FEEDBACK_WINDOW);
        return now.isAfter(deadline) ? null : deadline;
    }

    /**
     * The resident's verdict on the current resolution, once, within {@link #FEEDBACK_WINDOW}.
     * "Not resolved" reopens the ticket; "resolved" closes it if it is not closed yet.
     */
    public TicketFeedback giveFeedback(TicketFeedback.Feedback given, FeedbackSource source, Actor actor, Instant at) {
        if (!status.acceptsFeedback() || resolvedAt == null) {
            throw new FeedbackProblem("feedback-not-open", "No resolution to rate",
                    "Ticket " + code + " is " + status + "; feedback is taken once it is resolved.");
        }
        if (hasFeedbackOnCurrentResolution()) {
            throw new FeedbackProblem("feedback-already-given", "Feedback already given",
                    "Feedback on this resolution of ticket " + code + " was already given; it is taken once.");
        }
        if (at.isAfter(resolvedAt.plus(FEEDBACK_WINDOW))) {
            throw new FeedbackProblem("feedback-window-closed", "Feedback period over",
                    "Ticket " + code + " was resolved more than 7 days ago; feedback is taken for 7 days.");
        }
        TicketFeedback entry = new TicketFeedback(this, given, source,
                source == FeedbackSource.FOLLOW_UP_CALL ? actor.name() : null, at);
        feedback.add(entry);
        record(EventType.FEEDBACK, status, status, actor, at,
                EventWording.feedback(given.rating(), given.resolved(), source, actor.name()), null, Visibility.PUBLIC);
        if (!given.resolved()) {
            reopen(EventWording.of(Wording.REOPENED_BY_RESIDENT), null, actor, at);
        } else if (status.after(TicketAction.CLOSE).isPresent()) {
            close(actor, at);
        } else {
            updatedAt = at;
        }
        return entry;
    }

    private boolean hasFeedbackOnCurrentResolution() {
        return feedbackOnCurrentResolution().isPresent();
    }

    /** The feedback given on the current resolution, if any (none while the ticket is not resolved). */
    public Optional<TicketFeedback> feedbackOnCurrentResolution() {
        return resolvedAt == null ? Optional.empty()
                : feedback.stream().filter(f -> f.resolvedAt.equals(resolvedAt)).findFirst();
    }

    /** The names and phone numbers of everyone who called about this ticket: never shown to the public. */
    public Set<String> personalData() {
        Set<String> values = new HashSet<>();
        values.add(reporterName);
        values.add(reporterPhone);
        // Most tickets have one caller: their further reports are not read at all.
        for (TicketReport report : reportCount > 1 ? reports : List.<TicketReport>of()) {
            values.add(report.reporterName);
            values.add(report.reporterPhone);
        }
        values.remove(null);
        return values;
    }

    /** Text written by staff, made fit for the public: callers' names and phones, and long digit runs, masked. */
    public String publicText(String text) {
        return PublicText.redact(text, personalData());
    }

    /** Open, running (not paused: its time stands) and past its due time. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && !isPaused() && dueAt.isBefore(now);
    }

    /** Open, running, past {@link #atRiskFrom} and not yet due: the queue's "at risk" tickets. */
    public boolean isAtRisk(Instant now) {
        return status.isOpen() && !isPaused() && atRiskFrom != null && !atRiskFrom.isAfter(now) && !dueAt.isBefore(now);
    }

    /** At risk or overdue at {@code now}: what urging (督办) needs. */
    boolean isAtRiskOrOverdue(Instant now) {
        return isAtRisk(now) || isOverdue(now);
    }

    /** Whether the ticket's clock stands (挂起). */
    public boolean isPaused() {
        return pausedAt != null;
    }

    /** The pause in progress, if the clock stands. */
    public Optional<TicketPause> currentPause() {
        return pausedAt == null ? Optional.empty() : pauses.stream().filter(TicketPause::isOpen).findFirst();
    }

    /** The paused time up to {@code at}: the finished pauses and the one in progress. */
    public long pausedSecondsUntil(Instant at) {
        return pausedSeconds + (pausedAt == null ? 0 : Math.max(0, seconds(pausedAt, at)));
    }

    /** The urgings of the ticket, oldest first (loads them). */
    public List<TicketUrging> urgings() {
        return java.util.Collections.unmodifiableList(urgings);
    }

    /**
     * A supervisor urges the organization leading the work (督办), with a note; the status stays. One
     * {@link TicketUrging} row, and an INTERNAL event naming the organization with the note.
     */
    public TicketUrging urge(String note, Actor actor, Instant at) {
        moveTo(TicketAction.URGE);
        if (leadOrganization == null) {
            throw new IllegalTransitionProblem(code, status, TicketAction.URGE.pathName());
        }
        TicketUrging urging = new TicketUrging(this, leadOrganization, note, actor, at);
        urgings.add(urging);
        updatedAt = at;
        record(EventType.URGED, status, status, actor, at, EventWording.urged(leadOrganization), note,
                Visibility.INTERNAL);
        return urging;
    }

    /**
     * Staff stop the ticket's clock (挂起) while it waits on the resident or a third party. The timeline tells
     * everyone why in fixed words; the comment is a separate INTERNAL note (it may name the resident).
     */
    public TicketPause pause(PauseReason reason, String comment, Actor actor, Instant at) {
        moveTo(TicketAction.PAUSE);
        if (isPaused()) {
            throw new IllegalTransitionProblem(code, status, TicketAction.PAUSE.pathName());
        }
        TicketPause pause = new TicketPause(this, reason, comment, actor, at);
        pauses.add(pause);
        pausedAt = at;
        updatedAt = at;
        record(EventType.PAUSED, status, status, actor, at, EventWording.paused(reason), null, Visibility.PUBLIC);
        if (comment != null) {
            record(EventType.NOTE, status, status, actor, at, null, comment, Visibility.INTERNAL);
        }
        return pause;
    }

    /**
     * Starts the clock again. The pause's length joins {@link #pausedSeconds}, and each deadline still ahead when
     * the clock stopped keeps the time it had left then, counted by its own target's unit on {@code clock}: wall-clock
     * time for HOURS targets, working time for WORKING_HOURS and WORKING_DAYS ones ({@link #keepTimeLeft}). A
     * deadline already passed when the clock stopped stays where it is. The escalation marks that are no longer true
     * are cleared, so that the job marks the ticket again when it reaches them.
     */
    public void resume(Actor actor, Instant at, WorkingClock clock) {
        moveTo(TicketAction.RESUME);
        TicketPause pause = currentPause().orElseThrow(() -> new IllegalTransitionProblem(code, status,
                TicketAction.RESUME.pathName()));
        Instant stoppedAt = pausedAt;
        endPause(actor, at);
        SlaTarget sla = category.slaFor(priority);
        TimeTarget toResolve = sla.toResolve();
        dueAt = keepTimeLeft(dueAt, stoppedAt, at, toResolve, clock);
        atRiskFrom = keepTimeLeft(atRiskFrom, stoppedAt, at, toResolve, clock);
        originalDueAt = keepTimeLeft(originalDueAt, stoppedAt, at, toResolve, clock);
        if (dispatchedAt == null) {
            dispatchDueAt = keepTimeLeft(dispatchDueAt, stoppedAt, at, sla.toDispatch(), clock);
        }
        // Acceptance targets count in the category's unit (TicketService.acceptanceDueAt); only the unit matters here.
        TimeTarget toAccept = category.acceptanceTargetUnit == TargetUnit.WORKING_HOURS ? TimeTarget.workingHours(1)
                : TimeTarget.hours(1);
        for (Assignment assignment : activeAssignments()) {
            if (assignment.awaitsAcceptance()) {
                assignment.acceptDueAt = keepTimeLeft(assignment.acceptDueAt, stoppedAt, at, toAccept, clock);
            }
        }
        if (atRiskMarkedAt != null && atRiskFrom != null && atRiskFrom.isAfter(at)) {
            atRiskMarkedAt = null;
        }
        if (overdueMarkedAt != null && !dueAt.isBefore(at)) {
            overdueMarkedAt = null;
        }
        updatedAt = at;
        record(EventType.RESUMED, status, status, actor, at, EventWording.resumed(pause.reason), null,
                Visibility.PUBLIC);
    }

    /**
     * Where a deadline goes when the clock stood from {@code stoppedAt} to {@code resumedAt}: the time it had left
     * at {@code stoppedAt}, counted again from {@code resumedAt} in the target's unit (wall-clock for HOURS, working
     * time on the clock for working units). Null stays null; a deadline not after {@code stoppedAt} stays.
     */
    static Instant keepTimeLeft(Instant deadline, Instant stoppedAt, Instant resumedAt, TimeTarget target,
            WorkingClock clock) {
        if (deadline == null || !deadline.isAfter(stoppedAt)) {
            return deadline;
        }
        if (target.unit() == TargetUnit.HOURS) {
            return deadline.plus(Duration.between(stoppedAt, resumedAt));
        }
        Duration left = clock.workingTimeBetween(stoppedAt, deadline);
        if (left.isZero()) {
            // Stopped out of hours with the deadline before the next opening: as much wall-clock time as it had.
            return resumedAt.plus(Duration.between(stoppedAt, deadline));
        }
        return clock.plusWorkingTime(resumedAt, left);
    }

    /** Ends a pause in progress (resolving or cancelling a paused ticket ends it); the deadlines stay. */
    private void endPause(Actor actor, Instant at) {
        if (pausedAt == null) {
            return;
        }
        currentPause().ifPresent(p -> p.end(actor, at));
        pausedSeconds += Math.max(0, seconds(pausedAt, at));
        pausedAt = null;
    }

    /** The seconds from the report to {@code at} during which the clock ran: the duration figures' measure. */
    private long secondsRunning(Instant at) {
        return seconds(reportedAt, at) - pausedSecondsUntil(at);
    }

    /**
     * Due at {@code due}, counted from {@code from}; at risk once {@link #AT_RISK_SHARE} of the time between them
     * has passed (on the clock, also for working-day targets, whose due time already skips the days off).
     */
    void dueBy(Instant from, Instant due) {
        dueAt = due;
        atRiskFrom = from.plus(Duration.ofMillis((long) (Duration.between(from, due).toMillis() * AT_RISK_SHARE)));
    }

    /**
     * The escalation job's mark: at risk, once, with an INTERNAL event; false when the ticket is not at risk
     * now or was marked before. A ticket found already overdue is not marked at risk (the overdue mark says more).
     */
    public boolean markAtRisk(Instant now) {
        if (atRiskMarkedAt != null || !isAtRisk(now)) {
            return false;
        }
        atRiskMarkedAt = now;
        record(EventType.AT_RISK, status, status, SYSTEM, now, EventWording.of(Wording.AT_RISK), null,
                Visibility.INTERNAL);
        return true;
    }

    /** The escalation job's mark: overdue, once, with an INTERNAL event; false when not overdue or marked before. */
    public boolean markOverdue(Instant now) {
        if (overdueMarkedAt != null || !isOverdue(now)) {
            return false;
        }
        overdueMarkedAt = now;
        record(EventType.OVERDUE, status, status, SYSTEM, now, EventWording.of(Wording.OVERDUE), null,
                Visibility.INTERNAL);
        return true;
    }

    /** Whether this organization leads the work on the ticket now (assigned as lead and not released). */
    public boolean isLedNowBy(long organizationId) {
        return activeAssignments().stream()
                .anyMatch(a -> a.role == AssignmentRole.LEAD && a.organization.id.equals(organizationId));
    }

    public List<Assignment> activeAssignments() {
        return assignments.stream().filter(Assignment::isActive).toList();
    }

    private TicketStatus moveTo(TicketAction action) {
        return status.after(action).orElseThrow(() -> new IllegalTransitionProblem(code, status, action.pathName()));
    }

    private void transition(EventType type, TicketStatus to, Actor actor, Instant at, EventWording wording, String note) {
        TicketStatus from = status;
        status = to;
        updatedAt = at;
        record(type, from, to, actor, at, wording, note, Visibility.PUBLIC);
    }

    /** Appends an event: what the system says as a wording, what people typed as the note. */
    private TicketEvent record(EventType type, TicketStatus from, TicketStatus to, Actor actor, Instant at,
            EventWording wording, String note, Visibility visibility) {
        TicketEvent event = new TicketEvent(this, type, from, to, actor, at, wording, note, visibility);
        events.add(event);
        TicketEvents.publish(new TicketEvents.Recorded(this, event));
        return event;
    }

    private static void requireLead(List<AssignmentOrder> orders) {
        long leads = orders.stream().filter(o -> o.role() == AssignmentRole.LEAD).count();
        if (leads != 1) {
            throw new InvalidRequestProblem("assignments", "Exactly one assignment must be LEAD; found " + leads + ".");
        }
        Set<String> seen = new HashSet<>();
        for (AssignmentOrder order : orders) {
            if (!seen.add(order.organization().code)) {
                throw new InvalidRequestProblem("assignments",
                        "Organization '" + order.organization().code + "' is assigned twice.");
            }
        }
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }
}
