package org.communitydesk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.Priority;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.directory.Site;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the ticket API. */
public final class TicketViews {

    private TicketViews() {
    }

    /** A reference to a directory entry: its code and both names. */
    public record Ref(String code, String nameZh, String nameEn) {

        public static Ref of(Area area) {
            return area == null ? null : new Ref(area.code, area.nameZh, area.nameEn);
        }

        public static Ref of(Site site) {
            return site == null ? null : new Ref(site.code, site.nameZh, site.nameEn);
        }

        public static Ref of(Organization organization) {
            return organization == null ? null : new Ref(organization.code, organization.nameZh, organization.nameEn);
        }

        public static Ref of(ServiceCategory category) {
            return new Ref(category.code, category.nameZh, category.nameEn);
        }
    }

    public record LocationView(Ref streetOffice, Ref community, @Schema(nullable = true) Ref site,
            @Schema(nullable = true) String addressDetail,
            @Schema(nullable = true, description = "WGS-84 degrees.") Double latitude,
            @Schema(nullable = true, description = "WGS-84 degrees.") Double longitude) {
    }

    public record ReporterView(String name, @Schema(nullable = true) String phone) {
    }

    public record AssignmentView(Ref organization, AssignmentRole role, Instant assignedAt,
            @Schema(nullable = true, description = "By when the organization should accept the order (签收): the "
                    + "category's acceptance target after the dispatch; null for orders from before targets existed.")
            Instant acceptDueAt,
            @Schema(nullable = true, description = "When the organization accepted the order; null until it does.")
            Instant acceptedAt,
            @Schema(nullable = true, description = "Who accepted it (a user name).") String acceptedBy,
            @Schema(description = "Not accepted, and past acceptDueAt.") boolean acceptOverdue) {
    }

    @Schema(name = "ExtensionRequestView", description = "An extension request (延期申请) and its decision.")
    public record ExtensionView(
            @Schema(description = "The organization that asked (the lead then).") Ref organization,
            Instant requestedAt,
            @Schema(description = "Who asked (a user name).") String requestedBy,
            @Schema(description = "The due time when it asked.") Instant dueAtBefore,
            Instant requestedDueAt,
            String reason,
            @Schema(nullable = true, description = "APPROVED or REJECTED; null while it waits.") TicketExtension.Decision decision,
            @Schema(nullable = true) Instant decidedAt,
            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) String decisionNote) {

        static ExtensionView of(TicketExtension e) {
            return new ExtensionView(Ref.of(e.organization), e.requestedAt, e.requestedBy, e.dueAtBefore,
                    e.requestedDueAt, e.reason, e.decision, e.decidedAt, e.decidedBy, e.decisionNote);
        }
    }

    public record TicketRef(String code, TicketStatus status, Instant reportedAt,
            @Schema(nullable = true) String addressDetail) {
    }

    @Schema(name = "TicketAttribute", description = "An answer to one of the service's further questions.")
    public record AttributeView(
            @Schema(examples = "sewage_in_homes") String code,
            @Schema(description = "The question as it was asked.", examples = "污水是否已进入居民家中？") String label,
            @Schema(description = "The answer: a value's key for list questions.", examples = "yes") String answer,
            @Schema(description = "The chosen value's name, for list questions; null otherwise.", examples = "是")
            String answerName) {
    }

    @Schema(description = "Whom a contractor calls to arrange access to the place.")
    public record CrewContact(
            @Schema(nullable = true, description = "The caller's phone: only when the caller agreed at intake and the "
                    + "contractor's organization leads the work now.") String callerPhone,
            @Schema(description = "The community office of the ticket.") Ref communityOffice,
            @Schema(nullable = true, description = "The community office's phone, when the directory has it.") String communityOfficePhone,
            @Schema(nullable = true, description = "The compound's property manager, if it has one.") Ref propertyManager,
            @Schema(nullable = true) String propertyManagerPhone) {
    }

    @Schema(name = "Ticket")
    public record TicketView(
            String code,
            long version,
            TicketStatus status,
            Ref category,
            Priority priority,
            Channel channel,
            String description,
            @Schema(nullable = true, description = "The caller; null for contractors.") ReporterView reporter,
            LocationView location,
            Instant reportedAt,
            @Schema(description = "When the ticket should be dispatched by, from the category's SLA; computed at intake "
                    + "(working units by the working calendar as it was then) and not moved by later calendar changes.")
            Instant dispatchDueAt,
            @Schema(description = "When the ticket should be resolved by, from the category's SLA; computed at intake "
                    + "(working units by the working calendar as it was then) and not moved by later calendar changes.")
            Instant dueAt,
            @Schema(nullable = true) Instant dispatchedAt,
            @Schema(nullable = true) Instant startedAt,
            @Schema(nullable = true) Instant resolvedAt,
            @Schema(nullable = true) Instant closedAt,
            @Schema(nullable = true) Instant cancelledAt,
            @Schema(nullable = true) Long secondsToDispatch,
            @Schema(nullable = true) Long secondsToResolve,
            @Schema(nullable = true) Long secondsToClose,
            @Schema(description = "Open and past dueAt.") boolean overdue,
            @Schema(description = "Open, past atRiskFrom and not yet overdue.") boolean atRisk,
            @Schema(nullable = true, description = "When 80% of the time between reportedAt and dueAt has passed: from then "
                    + "until dueAt an open ticket is at risk. Null only for tickets closed before at-risk times were kept.")
            Instant atRiskFrom,
            @Schema(nullable = true) String resolution,
            @Schema(nullable = true) String rootCause,
            @Schema(nullable = true) CancelReason cancelReason,
            @Schema(nullable = true) String duplicateOf,
            int reportCount,
            @Schema(description = "The further calls about this problem (reportCount counts them with the first), "
                    + "oldest first, with each caller; null for contractors.")
            List<FurtherCallView> furtherCalls,
            int reopenCount,
            @Schema(nullable = true) Ref leadOrganization,
            List<AssignmentView> assignments,
            @Schema(description = "The moves the caller may make now: the status allows them, the caller's role may "
                    + "make them (ticket.MovePermissions), and for accept, the caller's organization has an order "
                    + "to accept.") List<String> allowedActions,
            @Schema(description = "Open tickets of the same category at the same site reported within 72 hours.")
            List<TicketRef> possibleDuplicates,
            @Schema(nullable = true,
                    description = "Until when feedback on the current resolution is taken; null when none can be given.")
            Instant feedbackDeadline,
            @Schema(nullable = true, description = "Clients refused the ticket's public status after too many wrong "
                    + "access codes, and "
                    + "the ticket-wide block of the last resort; null for contractors.")
            AccessBlocksView accessBlocks,
            @Schema(description = "Answers to the service's further questions (Open311 attributes), as given at intake.")
            List<AttributeView> attributes,
            @Schema(nullable = true, description = "For contractors only (null for the offices): whom to call to "
                    + "arrange access.") CrewContact crewContact,
            @Schema(nullable = true, description = "Whether the caller agreed that the crew may phone them; null for "
                    + "contractors.") Boolean crewMayCall,
            @Schema(nullable = true, description = "The due time set at intake, when an approved extension moved dueAt; "
                    + "null while the due time never moved.") Instant originalDueAt,
            @Schema(nullable = true, description = "The extension request waiting for a supervisor's decision; null when "
                    + "none waits.") ExtensionView pendingExtension,
            @Schema(description = "The decided extension requests, newest first (at most 5).")
            List<ExtensionView> decidedExtensions,
            @Schema(nullable = true, description = "The pause in progress (挂起): null while the clock runs.")
            PauseView paused,
            @Schema(description = "The length of the finished pauses, in seconds: no deadline and no duration figure "
                    + "counts it.") long pausedSeconds,
            @Schema(description = "How often supervisors urged the lead organization (督办).") long urgingCount,
            @Schema(nullable = true, description = "The latest urging; null when there was none.") UrgingView latestUrging,
            @Schema(description = "The resident's access code, in the intake response only: read it to the caller. "
                    + "Only its hash is stored; issue a new one with POST /api/tickets/{code}/access-code.")
            @JsonInclude(JsonInclude.Include.NON_NULL) String accessCode,
            @Schema(description = "Returned (退单) and waiting in REPORTED to be dispatched again or cancelled.")
            boolean returned,
            @Schema(nullable = true, description = "The return the ticket waits with while `returned` is true; null "
                    + "otherwise (earlier returns are on the timeline).") ReturnView lastReturn) {
    }

    @Schema(name = "TicketReturn", description = "A return (退单) of the order by the organization that led it.")
    public record ReturnView(Ref organization, ReturnReason reason,
            @Schema(description = "What the organization wrote, for staff; never shown to the public.") String comment,
            Instant returnedAt,
            @Schema(description = "Who returned it (a user name).") String returnedBy) {

        static ReturnView of(TicketReturn row) {
            return row == null ? null : new ReturnView(Ref.of(row.organization), row.reason, row.comment,
                    row.returnedAt, row.returnedBy);
        }
    }

    @Schema(name = "ReturnedSummary", description = "Why a ticket waiting in REPORTED was returned, and by whom.")
    public record ReturnedSummary(Ref organization, ReturnReason reason, Instant returnedAt) {
    }

    @Schema(name = "Pause", description = "A pause of the ticket's clock in progress.")
    public record PauseView(Instant since, PauseReason reason, @Schema(nullable = true) String pausedBy) {
    }

    @Schema(name = "Urging", description = "A supervisor urged the organization leading the work (督办).")
    public record UrgingView(Ref organization, Instant urgedAt, String urgedBy, String note) {
    }

    @Schema(name = "FurtherCall", description = "Another call about a ticket's problem, added to the ticket.")
    public record FurtherCallView(ReporterView reporter, Channel channel, Instant reportedAt,
            @Schema(nullable = true, description = "What the caller added, if anything.") String note) {
    }

    @Schema(name = "AccessBlocks", description = "Who may not open the ticket with an access code now. A client "
            + "address is refused for an hour after more than 10 wrong codes for this ticket within an hour; every client "
            + "is refused for an hour after more than 100 from all addresses together (the last resort). A new access "
            + "code, or POST /api/tickets/{code}/access-blocks/lift, ends both.")
    public record AccessBlocksView(List<BlockedClient> clients,
            @Schema(nullable = true, description = "Until when every client is refused; null unless the last resort acted.")
            Instant allClientsUntil) {

        public static final AccessBlocksView NONE = new AccessBlocksView(List.of(), null);

        public boolean any() {
            return !clients.isEmpty() || allClientsUntil != null;
        }
    }

    @Schema(name = "BlockedClient")
    public record BlockedClient(String address, int failures, Instant until) {
    }

    @Schema(name = "AccessCode", description = "A newly issued access code; the previous one no longer works.")
    public record AccessCodeView(String code, long version, String accessCode) {
    }

    @Schema(name = "TicketSummary")
    public record TicketSummary(
            String code,
            TicketStatus status,
            Ref category,
            Priority priority,
            Ref streetOffice,
            Ref community,
            @Schema(nullable = true) Ref site,
            @Schema(nullable = true) String addressDetail,
            Instant reportedAt,
            Instant dueAt,
            boolean overdue,
            @Schema(description = "Open, past 80% of its time and not yet overdue.") boolean atRisk,
            @Schema(nullable = true) Ref leadOrganization,
            int reportCount,
            @Schema(nullable = true, description = "Set while the ticket is returned (退单) and waits to be dispatched "
                    + "again: the organization that returned it and why.") ReturnedSummary returned,
            @Schema(description = "The ticket's clock is paused (挂起).") boolean paused,
            @Schema(description = "How often the lead organization was urged (督办).") long urgingCount) {
    }

    /** What the note of an event holds, in every API that shows a timeline. */
    public static final String EVENT_NOTE_DOC = "The event's text: what the system wrote (the channel, the organizations, "
            + "a rating...) in the language of Accept-Language (Chinese by default, or English), followed by what a person "
            + "typed (a note, a resolution, a caller's words), as typed.";

    @Schema(name = "TicketEvent")
    public record EventView(
            long id,
            EventType type,
            @Schema(nullable = true) TicketStatus fromStatus,
            @Schema(nullable = true) TicketStatus toStatus,
            String actor,
            @Schema(nullable = true) String actorRole,
            Instant occurredAt,
            @Schema(nullable = true, description = EVENT_NOTE_DOC) String note,
            Visibility visibility) {

        static EventView of(TicketEvent event, Locale language) {
            return new EventView(event.id, event.type, event.fromStatus, event.toStatus, event.actor, event.actorRole,
                    event.occurredAt, event.text(language), event.visibility);
        }
    }
}
