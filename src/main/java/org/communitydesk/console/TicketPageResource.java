package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.security.AuthorizationPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Roles;
import org.communitydesk.photo.PhotoService;
import org.communitydesk.photo.PhotoUploads;
import org.communitydesk.ticket.AssignmentRole;
import org.communitydesk.ticket.CancelReason;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.ExpectedVersion;
import org.communitydesk.ticket.TicketMoveDoor;
import org.communitydesk.ticket.PauseReason;
import org.communitydesk.ticket.TicketRequests.AcceptRequest;
import org.communitydesk.ticket.TicketRequests.ReturnRequest;
import org.communitydesk.ticket.ReturnReason;
import org.communitydesk.ticket.TicketRequests.DecisionRequest;
import org.communitydesk.ticket.TicketRequests.ExtensionRequest;
import org.communitydesk.ticket.TicketRequests.PauseRequest;
import org.communitydesk.ticket.TicketRequests.UrgeRequest;
import org.communitydesk.ticket.TicketRequests.AssignmentInput;
import org.communitydesk.ticket.TicketRequests.CancelRequest;
import org.communitydesk.ticket.TicketRequests.DispatchRequest;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.communitydesk.ticket.TicketRequests.MoveRequest;
import org.communitydesk.ticket.TicketRequests.NoteRequest;
import org.communitydesk.ticket.TicketRequests.ReopenRequest;
import org.communitydesk.ticket.TicketRequests.ResolveRequest;
import org.communitydesk.ticket.TicketService;
import org.communitydesk.ticket.TicketStatus;
import org.communitydesk.ticket.TicketViews.EventView;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.communitydesk.ticket.Visibility;
import org.communitydesk.web.PageTexts;
import org.communitydesk.web.PhotoMessages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One ticket: every field, the assignments, the timeline, and the moves the ticket's state and the
 * user's role allow, as forms. Each form posts here, changes the ticket through {@link TicketService}
 * with the version the page showed (a stale page is refused, never overwrites) and redirects back
 * with a message: Post/Redirect/Get. A refused move is a message on the page, never an error page.
 */
@Path("/console/tickets/{code}")
public class TicketPageResource {

    /**
     * Which forms the page shows. The moves are the ticket's {@code allowedActions} for this user, which
     * ticket.MovePermissions decided; the other forms (follow-up, access code) are the offices'.
     */
    public record Actions(boolean dispatch, boolean reassign, boolean accept, boolean start, boolean resolve,
            boolean close, boolean cancel, boolean reopen, boolean feedback, boolean accessCode,
            boolean liftAccessBlocks, boolean returnOrder, boolean requestExtension, boolean approveExtension,
            boolean rejectExtension, boolean urge, boolean pause, boolean resume) {

        static Actions of(TicketView ticket, Caller caller) {
            boolean office = caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(Roles.ADMIN);
            List<String> allowed = ticket.allowedActions();
            boolean dispatchable = allowed.contains("dispatch");
            boolean first = ticket.status() == TicketStatus.REPORTED;
            return new Actions(dispatchable && first, dispatchable && !first, allowed.contains("accept"),
                    allowed.contains("start"), allowed.contains("resolve"), allowed.contains("close"),
                    allowed.contains("cancel"), allowed.contains("reopen"), ticket.feedbackDeadline() != null && office,
                    office && ticket.status().isOpen() || office && ticket.feedbackDeadline() != null,
                    office && ticket.accessBlocks() != null && ticket.accessBlocks().any(), allowed.contains("return"),
                    allowed.contains("request-extension"), allowed.contains("approve-extension"),
                    allowed.contains("reject-extension"), allowed.contains("urge"), allowed.contains("pause"),
                    allowed.contains("resume"));
        }

        public boolean any() {
            return dispatch || reassign || accept || start || resolve || close || cancel || reopen || feedback
                    || returnOrder || requestExtension || approveExtension || rejectExtension || urge || pause || resume;
        }

        /** The reasons the return form offers (退单原因). */
        public List<ReturnReason> returnReasons() {
            return List.of(ReturnReason.values());
        }
    }

    /**
     * What a form carried when the ticket changed meanwhile: the page comes back with the form filled in
     * and what changed above it, so nothing typed is lost. {@link #NONE} on an ordinary page.
     */
    public record Draft(boolean stale, Map<String, List<String>> fields) {

        static final Draft NONE = new Draft(false, Map.of());

        /** The form as typed, shown again for another reason than a change meanwhile (refused photos). */
        static Draft typed(Map<String, List<String>> fields) {
            return new Draft(false, of(fields).fields());
        }

        static Draft of(Map<String, List<String>> fields) {
            Map<String, List<String>> kept = new HashMap<>();
            fields.forEach((name, values) -> {
                if (values != null) {
                    kept.put(name, values.stream().filter(v -> v != null).toList());
                }
            });
            return new Draft(true, kept);
        }

        /** The typed value of a field, or "" (a template fills inputs with it). */
        public String value(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }

        /** Whether a choice (a box, a radio button, an option) was made. */
        public boolean has(String name, String choice) {
            List<String> values = fields.get(name);
            return values != null && values.contains(choice);
        }

        /** Whether a box is ticked: as typed when the form came back, otherwise as the page offers it. */
        public boolean ticked(String name, String choice, boolean otherwise) {
            return fields.containsKey(name) ? has(name, choice) : otherwise;
        }

        public boolean hasNumber(String name, int choice) {
            return has(name, String.valueOf(choice));
        }
    }

    /** A form without this user's CSRF token: forged by another site, or older than the last restart. */
    static final Flash.Message FORM_EXPIRED = Flash.Message.failed("flashFormExpired", null);

    /** An action that cannot be undone was sent without its box ticked: nothing is done, and the page says why. */
    static final Flash.Message NOT_CONFIRMED = Flash.Message.failed("flashNotConfirmed", null);

    /** The value of the confirmation box of cancel, close and a new access code. */
    static final String CONFIRMED = "yes";

    /** Problem types of a ticket that changed since the form's page was loaded. */
    private static final Set<String> STALE = Set.of("stale-version", "concurrent-change");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticket(TicketView ticket, List<EventView> events, Actions actions,
                List<Ref> organizations, List<CancelReason> cancelReasons, Flash.Message flash, Draft draft,
                List<EventView> changes, PhotoForms.TicketPhotos photos);

        static native TemplateInstance missing(String code);
    }

    @Inject
    TicketService tickets;

    @Inject
    ConsoleChoices choices;

    @Inject
    CurrentActor actor;

    @Inject
    Flash flash;

    @Inject
    CsrfTokens csrf;

    @Inject
    PageTexts texts;

    @Inject
    org.communitydesk.common.AppConfig appConfig;

    @Inject
    PhotoForms photoForms;

    @Inject
    ChangesWithPhotos withPhotos;

    @Inject
    PhotoService photoService;

    @PathParam("code")
    String code;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> show(@CookieParam(Flash.COOKIE) String flashId) {
        Caller caller = actor.get();
        TicketView ticket;
        try {
            ticket = tickets.get(code, caller);
        } catch (ProblemException notFound) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_FOUND, Templates.missing(code)).build();
        }
        // Only now: a message for this ticket is never spent on a page that does not show it.
        Flash.Message message = flash.take(caller.actor().name(), flashId, code).orElse(null);
        List<EventView> events = tickets.events(code, caller, texts.locale());
        var page = Templates.ticket(ticket, events, Actions.of(ticket, caller),
                choices.organizations(), List.of(CancelReason.values()), message, Draft.NONE, List.of(),
                photoForms.of(code, events, caller));
        var response = RestResponse.ResponseBuilder.ok(page)
                // The page may show a new access code once: no cache keeps it.
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (message != null) {
            response.cookie(Flash.spent());
        }
        return response.build();
    }

    @POST
    @Path("dispatch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response dispatch(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm("organization") List<String> organizations, @RestForm String lead, @RestForm String note) {
        List<String> chosen = organizations == null ? List.of()
                : organizations.stream().filter(o -> o != null && !o.isBlank()).distinct().toList();
        // One organization needs no lead box: it is the lead.
        String leadCode = lead != null && !lead.isBlank() ? lead : chosen.size() == 1 ? chosen.get(0) : null;
        if (leadCode == null) {
            return back(token, Flash.Message.failed("flashNoLead", null));
        }
        List<AssignmentInput> assignments = new ArrayList<>();
        assignments.add(new AssignmentInput(leadCode, AssignmentRole.LEAD));
        for (String organization : chosen) {
            if (!organization.equals(leadCode)) {
                assignments.add(new AssignmentInput(organization, AssignmentRole.SUPPORT));
            }
        }
        DispatchRequest request = new DispatchRequest(assignments, blankToNull(note));
        Typed typed = new Typed(seen, Map.of("organization", chosen, "lead", listOf(lead), "note", listOf(note)));
        return change(token, request, "flashDispatched", typed,
                caller -> tickets.dispatch(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** The crew accepts its organization's order (签收); an ADMIN names the organization it records it for. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response accept(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String organization) {
        AcceptRequest request = new AcceptRequest(blankToNull(organization), null);
        return change(token, request, "orderAccepted", new Typed(seen, Map.of("organization", listOf(organization))),
                caller -> tickets.accept(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** The lead organization's crew returns the order (退单) with a reason and a comment; an ADMIN for the lead. */
    @POST
    @Path("return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response returnOrder(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm String reason, @RestForm String comment) {
        ReturnReason parsed;
        try {
            parsed = ReturnReason.valueOf(reason == null ? "" : reason.strip());
        } catch (IllegalArgumentException e) {
            return back(token, Flash.Message.failed("flashInvalid", texts.bundle().fieldReason()));
        }
        if (comment == null || comment.isBlank() || comment.strip().length() > 2000) {
            // Named as the form labels it (the page bundle's "comment" is the resident's).
            return back(token, Flash.Message.failed("flashInvalid",
                    texts.bundle(org.communitydesk.web.ReturnMessages.class).fieldReturnComment()));
        }
        ReturnRequest request = new ReturnRequest(parsed, comment);
        Typed typed = new Typed(seen, Map.of("returnReason", listOf(reason), "returnComment", listOf(comment)));
        return change(token, request, "returnsDone", typed,
                caller -> tickets.returnOrder(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /**
     * The lead's crew asks for a later due time (延期申请): the new time as typed in a datetime-local field, in the
     * installation's zone.
     */
    @POST
    @Path("request-extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response requestExtension(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm String requestedDueAt, @RestForm String reason) {
        Instant requested;
        try {
            requested = LocalDateTime.parse(requestedDueAt == null ? "" : requestedDueAt.strip())
                    .atZone(ZoneId.of(appConfig.zone())).toInstant();
        } catch (DateTimeParseException unreadable) {
            return back(token, Flash.Message.failed("extensionBadTime", null));
        }
        ExtensionRequest request = new ExtensionRequest(requested, reason == null ? "" : reason);
        Typed typed = new Typed(seen, Map.of("requestedDueAt", listOf(requestedDueAt), "reason", listOf(reason)));
        return change(token, request, "extensionRequested", typed,
                caller -> tickets.requestExtension(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** A supervisor approves the waiting extension request; the note, if any, is for staff. */
    @POST
    @Path("approve-extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response approveExtension(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm String note) {
        DecisionRequest request = new DecisionRequest(blankToNull(note));
        return change(token, request, "extensionApproved", new Typed(seen, Map.of("extensionNote", listOf(note))),
                caller -> tickets.approveExtension(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** A supervisor rejects the waiting extension request, saying why (the same form's other button). */
    @POST
    @Path("reject-extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response rejectExtension(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm String note) {
        DecisionRequest request = new DecisionRequest(blankToNull(note));
        return change(token, request, "extensionRejected", new Typed(seen, Map.of("extensionNote", listOf(note))),
                caller -> tickets.rejectExtension(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** A supervisor urges the lead organization (督办) with a note. */
    @POST
    @Path("urge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response urge(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String note) {
        UrgeRequest request = new UrgeRequest(note == null ? "" : note);
        return change(token, request, "holdUrged", new Typed(seen, Map.of("urgeNote", listOf(note))),
                caller -> tickets.urge(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** Staff pause the ticket's clock (挂起) with a reason and a comment for staff. */
    @POST
    @Path("pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response pause(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String reason, @RestForm String comment) {
        PauseReason parsed = null;
        if (reason != null && !reason.isBlank()) {
            try {
                parsed = PauseReason.valueOf(reason.strip());
            } catch (IllegalArgumentException e) {
                return back(token, Flash.Message.failed("flashInvalid", "reason"));
            }
        }
        PauseRequest request = new PauseRequest(parsed, blankToNull(comment));
        Typed typed = new Typed(seen, Map.of("pauseReason", listOf(reason), "comment", listOf(comment)));
        return change(token, request, "holdPaused", typed,
                caller -> tickets.pause(code, request, ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response resume(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen) {
        return change(token, null, "holdResumed", new Typed(seen, Map.of()),
                caller -> tickets.resume(code, new MoveRequest(null), ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response start(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen) {
        return change(token, null, "flashStarted", new Typed(seen, Map.of()), caller -> tickets.start(code, new MoveRequest(null), ExpectedVersion.ofForm(version), caller));
    }

    /** The page's start form, with photos taken before the work (staff only unless the box is ticked). */
    @POST
    @Path("start")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response startWithPhotos(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm(PhotoForms.FIELD) List<FileUpload> files,
            @RestForm(PhotoForms.PUBLIC_FIELD) String photoPublic) {
        Typed typed = new Typed(seen, Map.of(PhotoForms.PUBLIC_FIELD, listOf(photoPublic)));
        return change(token, null, "flashStarted", typed, new Sent(files, "true".equals(photoPublic)),
                (caller, photos) -> withPhotos.start(code, ExpectedVersion.ofForm(version), photos, caller));
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response resolve(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String resolution, @RestForm String rootCause) {
        ResolveRequest request = new ResolveRequest(resolution == null ? "" : resolution, blankToNull(rootCause), null);
        Typed typed = new Typed(seen, Map.of("resolution", listOf(resolution), "rootCause", listOf(rootCause)));
        return change(token, request, "flashResolved", typed, caller -> tickets.resolve(code, request, ExpectedVersion.ofForm(version), caller));
    }

    /** The page's resolve form, with photos of the work done (residents see them unless the box is cleared). */
    @POST
    @Path("resolve")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response resolveWithPhotos(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String seen, @RestForm String resolution, @RestForm String rootCause,
            @RestForm(PhotoForms.FIELD) List<FileUpload> files, @RestForm(PhotoForms.PUBLIC_FIELD) String photoPublic) {
        ResolveRequest request = new ResolveRequest(resolution == null ? "" : resolution, blankToNull(rootCause), null);
        Typed typed = new Typed(seen, Map.of("resolution", listOf(resolution), "rootCause", listOf(rootCause),
                PhotoForms.PUBLIC_FIELD, listOf(photoPublic)));
        return change(token, request, "flashResolved", typed, new Sent(files, "true".equals(photoPublic)),
                (caller, photos) -> withPhotos.resolve(code, request, ExpectedVersion.ofForm(version), photos, caller));
    }

    @POST
    @Path("close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response close(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String confirm) {
        if (!CONFIRMED.equals(confirm)) {
            return back(token, NOT_CONFIRMED);
        }
        return change(token, null, "flashClosed", new Typed(seen, Map.of()), caller -> tickets.close(code, new MoveRequest(null), ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response cancel(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String reason, @RestForm String duplicateOf, @RestForm String confirm) {
        if (!CONFIRMED.equals(confirm)) {
            return back(token, NOT_CONFIRMED);
        }
        CancelReason parsed;
        try {
            parsed = CancelReason.valueOf(reason == null ? "" : reason);
        } catch (IllegalArgumentException e) {
            return back(token, Flash.Message.failed("flashInvalid", "reason"));
        }
        CancelRequest request = new CancelRequest(parsed, blankToNull(duplicateOf), null);
        Typed typed = new Typed(seen, Map.of("cancelReason", listOf(reason), "duplicateOf", listOf(duplicateOf)));
        return change(token, request, "flashCancelled", typed, caller -> tickets.cancel(code, request, ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AuthorizationPolicy(name = TicketMoveDoor.NAME)
    @Operation(hidden = true)
    public Response reopen(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String reason) {
        ReopenRequest request = new ReopenRequest(reason == null ? "" : reason);
        return change(token, request, "flashReopened", new Typed(seen, Map.of("reopenReason", listOf(reason))), caller -> tickets.reopen(code, request, ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response addNote(@RestForm(CsrfTokens.FIELD) String token, @RestForm String text,
            @RestForm String visibility) {
        NoteRequest request = new NoteRequest(text == null ? "" : text,
                "PUBLIC".equals(visibility) ? Visibility.PUBLIC : Visibility.INTERNAL);
        return change(token, request, "flashNoted", new Typed(null, Map.of("text", listOf(text))), caller -> tickets.addNote(code, request, ExpectedVersion.NONE, caller));
    }

    /** The page's note form, with photos that are as visible as the note. */
    @POST
    @Path("notes")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.CONTRACTOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response addNoteWithPhotos(@RestForm(CsrfTokens.FIELD) String token, @RestForm String text,
            @RestForm String visibility, @RestForm(PhotoForms.FIELD) List<FileUpload> files) {
        boolean residentsSee = "PUBLIC".equals(visibility);
        NoteRequest request = new NoteRequest(text == null ? "" : text, residentsSee ? Visibility.PUBLIC : Visibility.INTERNAL);
        Typed typed = new Typed(null, Map.of("text", listOf(text), "visibility", listOf(visibility)));
        return change(token, request, "flashNoted", typed, new Sent(files, residentsSee), (caller, photos) -> {
            withPhotos.addNote(code, request, photos, caller);
            return null;
        });
    }

    /** Staff take the first intake photo's position as the ticket's, or ignore it (it is then forgotten). */
    @POST
    @Path("photo-position")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response decideOnPhotoPosition(@RestForm(CsrfTokens.FIELD) String token, @RestForm String choice) {
        if ("accept".equals(choice)) {
            return change(token, null, "photoPositionAccepted", new Typed(null, Map.of()),
                    caller -> photoService.acceptSuggestedPosition(code, caller));
        }
        return change(token, null, "photoPositionIgnored", new Typed(null, Map.of()), caller -> {
            photoService.ignoreSuggestedPosition(code, caller);
            return null;
        });
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response feedback(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version, @RestForm String seen,
            @RestForm String rating, @RestForm String resolved, @RestForm String comment) {
        Integer stars;
        try {
            stars = rating == null ? null : Integer.valueOf(rating);
        } catch (NumberFormatException e) {
            stars = null;
        }
        FeedbackRequest request = new FeedbackRequest(stars, resolved == null ? null : "yes".equals(resolved),
                blankToNull(comment));
        Typed typed = new Typed(seen, Map.of("rating", listOf(rating), "resolved", listOf(resolved),
                "comment", listOf(comment)));
        return change(token, request, "flashFeedback", typed,
                caller -> tickets.recordFollowUp(code, request, ExpectedVersion.ofForm(version), caller));
    }

    @POST
    @Path("access-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response reissueAccessCode(@RestForm(CsrfTokens.FIELD) String token, @RestForm String version,
            @RestForm String confirm) {
        Caller caller = actor.get();
        if (!csrf.accepts(caller.actor().name(), token)) {
            return redirect(caller, FORM_EXPIRED);
        }
        if (!CONFIRMED.equals(confirm)) {
            return redirect(caller, NOT_CONFIRMED);
        }
        Flash.Message message;
        try {
            var issued = tickets.reissueAccessCode(code, ExpectedVersion.ofForm(version), caller);
            message = new Flash.Message("flashAccessCode", false, null, issued.code(), issued.accessCode());
        } catch (ProblemException refused) {
            message = ConsoleProblems.of(refused, texts);
        }
        return redirect(caller, message);
    }

    @POST
    @Path("lift-access-blocks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(hidden = true)
    public Response liftAccessBlocks(@RestForm(CsrfTokens.FIELD) String token) {
        return change(token, null, "flashAccessBlocksLifted", new Typed(null, Map.of()), caller -> tickets.liftAccessBlocks(code, caller));
    }

    // --- Plumbing -------------------------------------------------------------------------------------------

    private interface Change {
        Object apply(Caller caller);
    }

    /** A change that records the photos its form carried, in the same transaction. */
    private interface PhotoChange {
        Object apply(Caller caller, ChangesWithPhotos.Photos photos);
    }

    /** The files a form carried, and whether residents may see them. */
    private record Sent(List<FileUpload> files, boolean residentsSee) {
    }

    /** What a form carried besides its token and version: how many events its page showed, and the typed fields. */
    private record Typed(String seen, Map<String, List<String>> fields) {
    }

    private Response change(String token, Object request, String doneKey, Typed typed, Change change) {
        return change(token, request, doneKey, typed, null, (caller, none) -> change.apply(caller));
    }

    /**
     * Checks the token, reads the photos and makes the change, which the service validates (a field refused: a
     * message naming it; nothing is recorded, photos included). Photos refused: the page again as typed, saying why.
     */
    private Response change(String token, Object request, String doneKey, Typed typed, Sent sent, PhotoChange change) {
        Caller caller = actor.get();
        if (!csrf.accepts(caller.actor().name(), token)) {
            return redirect(caller, FORM_EXPIRED);
        }
        Flash.Message message;
        boolean sentPhotos = sent != null && PhotoForms.anyFile(sent.files());
        try {
            ChangesWithPhotos.Photos photos = sent == null ? null : photoForms.read(sent.files(), sent.residentsSee());
            change.apply(caller, photos);
            message = Flash.Message.done(doneKey, code);
        } catch (ConstraintViolationException invalid) {
            // The service validates every command; the page names the fields as its forms label them.
            message = ConsoleProblems.of(invalid.getConstraintViolations(), texts);
        } catch (PhotoUploads.RefusedPhotos refused) {
            return formAgain(caller, refused.status(), typed, photoForms.refusal(refused));
        } catch (ProblemException refused) {
            if (STALE.contains(refused.type())) {
                return staleForm(caller, refused, typed, sentPhotos);
            }
            message = ConsoleProblems.of(refused, texts);
        }
        return redirect(caller, message);
    }

    /**
     * Someone changed the ticket since this page was loaded: the page again, as it is now, with the form
     * filled in as it was posted and the events the user had not seen above it; nothing typed is lost,
     * and the form now carries the current version, so sending it again is a deliberate choice.
     */
    private Response staleForm(Caller caller, ProblemException refused, Typed typed, boolean sentPhotos) {
        TicketView ticket;
        try {
            ticket = tickets.get(code, caller);
        } catch (ProblemException gone) {
            return redirect(caller, ConsoleProblems.of(refused, texts));
        }
        List<EventView> events = tickets.events(code, caller, texts.locale());
        int seen = parseSeen(typed.seen(), events.size());
        var photos = photoForms.of(code, events, caller);
        var page = Templates.ticket(ticket, events, Actions.of(ticket, caller), choices.organizations(),
                List.of(CancelReason.values()), null, Draft.of(typed.fields()),
                events.subList(seen, events.size()),
                sentPhotos ? photos.refused(texts.bundle(PhotoMessages.class).photoNotKept()) : photos);
        return Response.status(Response.Status.CONFLICT).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(page).build();
    }

    /** Photos of a form refused (too large, not an image): the page again with the form as typed and why; nothing was changed. */
    private Response formAgain(Caller caller, int status, Typed typed, String why) {
        TicketView ticket;
        try {
            ticket = tickets.get(code, caller);
        } catch (ProblemException gone) {
            return redirect(caller, Flash.Message.failed("flashNotFound", null));
        }
        List<EventView> events = tickets.events(code, caller, texts.locale());
        var page = Templates.ticket(ticket, events, Actions.of(ticket, caller), choices.organizations(),
                List.of(CancelReason.values()), null, Draft.typed(typed.fields()), List.of(),
                photoForms.of(code, events, caller).refused(why));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(page).build();
    }

    /** How many events the form's page showed; without a readable count, none is shown as a change. */
    private static int parseSeen(String seen, int now) {
        try {
            int shown = Integer.parseInt(seen == null ? "" : seen.strip());
            return Math.max(0, Math.min(shown, now));
        } catch (NumberFormatException e) {
            return now;
        }
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private Response back(String token, Flash.Message message) {
        Caller caller = actor.get();
        return redirect(caller, csrf.accepts(caller.actor().name(), token) ? message : FORM_EXPIRED);
    }

    private Response redirect(Caller caller, Flash.Message message) {
        return Response.seeOther(UriBuilder.fromPath("/console/tickets/{code}").build(code))
                .cookie(flash.keep(caller.actor().name(), code, message)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
