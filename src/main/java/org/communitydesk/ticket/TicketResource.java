package org.communitydesk.ticket;

import io.quarkus.vertx.http.security.AuthorizationPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.communitydesk.common.ConditionalRead;
import org.communitydesk.common.OpenApiConventions;
import org.communitydesk.common.PageResponse;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.communitydesk.ticket.TicketRequests.AcceptRequest;
import org.communitydesk.ticket.TicketRequests.PauseRequest;
import org.communitydesk.ticket.TicketRequests.UrgeRequest;
import org.communitydesk.ticket.TicketRequests.AddReportRequest;
import org.communitydesk.ticket.TicketRequests.CancelRequest;
import org.communitydesk.ticket.TicketRequests.CreateTicketRequest;
import org.communitydesk.ticket.TicketRequests.DecisionRequest;
import org.communitydesk.ticket.TicketRequests.ExtensionRequest;
import org.communitydesk.ticket.TicketRequests.DispatchRequest;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.communitydesk.ticket.TicketRequests.MoveRequest;
import org.communitydesk.ticket.TicketRequests.NoteRequest;
import org.communitydesk.ticket.TicketRequests.ReopenRequest;
import org.communitydesk.ticket.TicketRequests.ResolveRequest;
import org.communitydesk.ticket.TicketRequests.ReturnRequest;
import org.communitydesk.ticket.TicketViews.AccessCodeView;
import org.communitydesk.ticket.TicketViews.EventView;
import org.communitydesk.ticket.TicketViews.TicketSummary;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff API for tickets: intake, reads, and one POST per move of the state machine. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets", description = "Intake, lifecycle and timeline of service requests")
@APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TicketResource {

    static final String IF_MATCH_DOC = "The ticket's ETag from an earlier read; a stale value answers 412.";

    @Inject
    TicketService tickets;

    @Inject
    TicketSearch search;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "createTicket", summary = "Log a call as a new ticket")
    @APIResponse(responseCode = "201", description = "Created; Location names the ticket",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "413", description = "Body over 256 KB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTicket(@NotNull CreateTicketRequest request, UriInfo uriInfo) {
        TicketView ticket = tickets.create(request, actor.get());
        return Response.created(uriInfo.getBaseUriBuilder().path("api/tickets").path(ticket.code()).build())
                .tag(new jakarta.ws.rs.core.EntityTag(Long.toString(ticket.version())))
                // The body carries the access code in clear: no cache may keep it.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ticket).build();
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "searchTickets", summary = "List tickets, filtered, sorted and paged",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @ConditionalRead
    public PageResponse<TicketSummary> searchTickets(@BeanParam TicketQuery query) {
        return search.search(query, actor.get());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "getTicket", summary = "One ticket, with an ETag of its version",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @APIResponse(responseCode = "200", description = "The ticket",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ConditionalRead
    public Response getTicket(@PathParam("code") String code) {
        return withETag(tickets.get(code, actor.get()));
    }

    @GET
    @Path("/{code}/events")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "listTicketEvents", summary = "The ticket's timeline, oldest first",
            description = "What the system wrote is in the language of Accept-Language (Chinese unless English is "
                    + "preferred); notes, resolutions and callers' words are as typed.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EventView> listTicketEvents(@PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = EventTexts.ACCEPT_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return tickets.events(code, actor.get(), EventTexts.forAcceptLanguage(acceptLanguage));
    }

    @POST
    @Path("/{code}/reports")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "addTicketReport", summary = "Record another call about the same problem",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @MoveResponses
    @ConditionalRead
    public Response addTicketReport(@PathParam("code") String code, @NotNull AddReportRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.addReport(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/notes")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(operationId = "addTicketNote", summary = "Add a note to the timeline")
    @APIResponse(responseCode = "201", description = "The note's event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = StaleTicketProblem.Body.class)))
    public Response addTicketNote(@PathParam("code") String code, @NotNull NoteRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EventView event = tickets.addNote(code, request, ETags.expectedVersion(ifMatch), actor.get());
        return Response.status(Response.Status.CREATED).entity(event).build();
    }

    @POST
    @Path("/{code}/dispatch")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "dispatchTicket",
            summary = "Assign organizations (exactly one LEAD); again later to change the assignments",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "dispatch") })
    @MoveResponses
    @ConditionalRead
    public Response dispatchTicket(@PathParam("code") String code, @NotNull DispatchRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.dispatch(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/start")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "startTicket", summary = "Work has started on site",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "start") })
    @MoveResponses
    @ConditionalRead
    public Response startTicket(@PathParam("code") String code,
            @RequestBody(required = false, description = "Optional: a note; send {} or nothing") MoveRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.start(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/accept")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "acceptTicket", summary = "Accept the order (签收) for an organization dispatched to the ticket",
            description = "Once per organization and dispatch, while the ticket is DISPATCHED or IN_PROGRESS; the status "
                    + "stays. A contractor accepts for its own organization (organizationCode may be left out; another "
                    + "organization's code answers 403); an ADMIN names the organization whose acceptance it records. "
                    + "Accepting again answers 409 illegal-transition. The lead's acceptance is on the public timeline, "
                    + "a supporting organization's for staff only.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "accept") })
    @MoveResponses
    @ConditionalRead
    public Response acceptTicket(@PathParam("code") String code,
            @RequestBody(required = false, description = "Optional for a contractor; an ADMIN names the organization")
            AcceptRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.accept(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/return")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "returnTicket", summary = "Return the order (退单): the lead organization cannot handle it",
            description = "While the ticket is DISPATCHED and its work not started: every assignment is released and "
                    + "the ticket goes back to REPORTED (returned: true), waiting for the street office to dispatch it "
                    + "again or cancel it. A contractor returns only an order its organization leads (another answers "
                    + "403); an ADMIN records the return for the lead. After the work started it answers 409 "
                    + "illegal-transition with the allowed actions. The return is on the timeline for staff only; "
                    + "the resident sees the ticket as received (open in Open311).",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "return") })
    @MoveResponses
    @ConditionalRead
    public Response returnTicket(@PathParam("code") String code, @NotNull ReturnRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.returnOrder(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/request-extension")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "requestTicketExtension", summary = "Ask for a later due time (延期申请)",
            description = "The organization that leads the work (a contractor for its own organization, or an ADMIN in "
                    + "its name), while the ticket is DISPATCHED or IN_PROGRESS, before its due time, and while no other "
                    + "request waits (409 otherwise). requestedDueAt must be later than dueAt and at most 90 days after it "
                    + "(400). The status and the due time stay until a supervisor decides; the request and its reason are "
                    + "on the staff timeline.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "request-extension") })
    @MoveResponses
    @ConditionalRead
    public Response requestTicketExtension(@PathParam("code") String code, @NotNull ExtensionRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.requestExtension(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/approve-extension")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "approveTicketExtension", summary = "Approve the waiting extension request",
            description = "A supervisor of the ticket's street office, or an ADMIN, while a request waits (409 otherwise). "
                    + "dueAt becomes the requested time; originalDueAt keeps the due time set at intake; atRiskFrom "
                    + "moves with it, and the escalation job's at-risk and overdue marks that are no longer true are "
                    + "cleared. Residents see the new due time on the timeline, not the reason. The note is for staff.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "approve-extension") })
    @MoveResponses
    @ConditionalRead
    public Response approveTicketExtension(@PathParam("code") String code,
            @RequestBody(required = false, description = "Optional: a note for staff; send {} or nothing")
            DecisionRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.approveExtension(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/reject-extension")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "rejectTicketExtension", summary = "Reject the waiting extension request, saying why",
            description = "A supervisor of the ticket's street office, or an ADMIN, while a request waits (409 otherwise); "
                    + "the note is required (400 without it) and for staff only. The due time stays.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "reject-extension") })
    @MoveResponses
    @ConditionalRead
    public Response rejectTicketExtension(@PathParam("code") String code, @NotNull DecisionRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.rejectExtension(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/urge")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "urgeTicket", summary = "Urge the organization leading the work (督办)",
            description = "A supervisor of the ticket's street office (or an ADMIN) urges the lead organization, with a "
                    + "note, while the ticket is DISPATCHED or IN_PROGRESS and at risk or overdue now (409 otherwise; a "
                    + "paused ticket is neither). The status stays. The urging is counted per organization (ticket_urging), "
                    + "is on the staff timeline (URGED, INTERNAL) and is sent to the organization's group robots and to "
                    + "webhooks that asked for URGED.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "urge") })
    @MoveResponses
    @ConditionalRead
    public Response urgeTicket(@PathParam("code") String code, @NotNull UrgeRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.urge(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/pause")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "pauseTicket", summary = "Pause the ticket's clock (挂起) while it waits on the resident or a third party",
            description = "Office staff, while the ticket is open and not paused (409 otherwise). The status stays; the "
                    + "ticket is neither at risk nor overdue while paused, and the escalation job leaves it alone. The "
                    + "timeline tells everyone the reason in fixed words (PAUSED, PUBLIC); the comment is an INTERNAL note.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "pause") })
    @MoveResponses
    @ConditionalRead
    public Response pauseTicket(@PathParam("code") String code, @NotNull PauseRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.pause(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/resume")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "resumeTicket", summary = "Start the paused clock again",
            description = "Office staff, while the ticket is paused (409 otherwise). The pause's length is added to "
                    + "pausedSeconds; dueAt, atRiskFrom, originalDueAt, dispatchDueAt (before the dispatch) and the "
                    + "acceptance targets of orders not yet accepted keep the time they had left when the clock stopped: "
                    + "wall-clock time for HOURS targets, working time on the working calendar for working-unit ones. "
                    + "A deadline already passed when the clock stopped stays.",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "resume") })
    @MoveResponses
    @ConditionalRead
    public Response resumeTicket(@PathParam("code") String code,
            @RequestBody(required = false, description = "Optional: an internal note; send {} or nothing") MoveRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.resume(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/resolve")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "resolveTicket", summary = "The problem is fixed: record the resolution and root cause",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "resolve") })
    @MoveResponses
    @ConditionalRead
    public Response resolveTicket(@PathParam("code") String code, @NotNull ResolveRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.resolve(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/close")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "closeTicket", summary = "Close a resolved ticket",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "close") })
    @MoveResponses
    @ConditionalRead
    public Response closeTicket(@PathParam("code") String code,
            @RequestBody(required = false, description = "Optional: a note; send {} or nothing") MoveRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.close(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/cancel")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "cancelTicket", summary = "Cancel an open ticket, with a reason",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "cancel") })
    @MoveResponses
    @ConditionalRead
    public Response cancelTicket(@PathParam("code") String code, @NotNull CancelRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.cancel(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/reopen")
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(operationId = "reopenTicket", summary = "Reopen a resolved or closed ticket, with a reason",
            extensions = { @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"),
                    @Extension(name = MoveRolesInSpec.MOVE, value = "reopen") })
    @MoveResponses
    @ConditionalRead
    public Response reopenTicket(@PathParam("code") String code, @NotNull ReopenRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.reopen(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/feedback")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "recordFollowUpFeedback",
            summary = "Record the resident's feedback from a follow-up call (回访)",
            description = "Once per resolution, within 7 days of it. 'resolved: false' reopens the ticket; "
                    + "otherwise a RESOLVED ticket is closed. The event names the staff member who recorded it.",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @MoveResponses
    @ConditionalRead
    public Response recordFollowUpFeedback(@PathParam("code") String code, @NotNull FeedbackRequest request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(tickets.recordFollowUp(code, request, ETags.expectedVersion(ifMatch), actor.get()));
    }

    @POST
    @Path("/{code}/access-code")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "reissueAccessCode",
            summary = "Issue a new access code for the resident; the old one stops working")
    @APIResponse(responseCode = "200", description = "The new code, shown this once",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessCodeView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = StaleTicketProblem.Body.class)))
    public Response reissueAccessCode(@PathParam("code") String code,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AccessCodeView issued = tickets.reissueAccessCode(code, ETags.expectedVersion(ifMatch), actor.get());
        return Response.ok(issued).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(issued.version())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/{code}/access-blocks/lift")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(operationId = "liftAccessBlocks",
            summary = "Let every client try access codes for the ticket again",
            description = "Ends the blocks in the ticket's accessBlocks (per client and ticket-wide) and forgets the "
                    + "counts of wrong codes. The ticket itself does not change. A new access code does the same.",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @APIResponse(responseCode = "200", description = "The ticket, without blocks",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ConditionalRead
    public Response liftAccessBlocks(@PathParam("code") String code) {
        return withETag(tickets.liftAccessBlocks(code, actor.get()));
    }

    private static Response withETag(TicketView ticket) {
        return Response.ok(ticket).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(ticket.version()))).build();
    }
}
