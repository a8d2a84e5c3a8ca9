package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.FormDrafts;
import org.communitydesk.common.ProblemException;
import org.communitydesk.common.Roles;
import org.communitydesk.directory.Priority;
import org.communitydesk.photo.PhotoUploads;
import org.communitydesk.ticket.Caller;
import org.communitydesk.ticket.Channel;
import org.communitydesk.ticket.CurrentActor;
import org.communitydesk.ticket.TicketRequests.AddReportRequest;
import org.communitydesk.ticket.TicketRequests.CreateTicketRequest;
import org.communitydesk.ticket.TicketRequests.LocationInput;
import org.communitydesk.ticket.TicketRequests.ReporterInput;
import org.communitydesk.ticket.TicketService;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.ticket.TicketViews.TicketRef;
import org.communitydesk.ticket.TicketViews.TicketView;
import org.communitydesk.web.MapMessages;
import org.communitydesk.web.PageTexts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Logging a phone call. Before a new ticket is saved, the open tickets of the same category at the
 * same compound are shown, and the call can be added to one of them instead. After saving, the ticket
 * page shows the tracking code and the access code to read to the caller (once).
 */
@Path("/console/intake")
@RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
public class IntakeResource {

    /** What was typed, to fill the form again. */
    public static class IntakeForm {
        @RestForm public String category = "";
        @RestForm public String description = "";
        @RestForm public String reporterName = "";
        @RestForm public String reporterPhone = "";
        /** "true" when the caller agreed to text messages (a checkbox). */
        @RestForm public String notifyResident = "";
        /** "true" when the caller agreed that the handling crew may phone them (a checkbox). */
        @RestForm public String crewMayCall = "";
        @RestForm public String community = "";
        @RestForm public String site = "";
        @RestForm public String addressDetail = "";
        /** WGS-84 degrees, typed or filled by a click on the map (js/map.js converts from the tiles' datum). */
        @RestForm public String latitude = "";
        @RestForm public String longitude = "";
        @RestForm public String priority = "";
        @RestForm public String channel = "PHONE";
        /** Set by the "save as a new ticket" button once the duplicates were seen. */
        @RestForm public String confirmed = "";
        /** Set by an "add the call to this ticket" button. */
        @RestForm public String addTo = "";
        @RestForm(CsrfTokens.FIELD) public String csrf = "";
        /** "true" when residents may see the call's photos (a checkbox; staff only by default). */
        @RestForm(PhotoForms.PUBLIC_FIELD) public String photoPublic = "";

        /** The form as kept when it was posted after the session ended; not the "go ahead" choices. */
        static IntakeForm of(Map<String, List<String>> kept) {
            IntakeForm form = new IntakeForm();
            form.category = first(kept, "category", form.category);
            form.description = first(kept, "description", form.description);
            form.reporterName = first(kept, "reporterName", form.reporterName);
            form.reporterPhone = first(kept, "reporterPhone", form.reporterPhone);
            form.notifyResident = first(kept, "notifyResident", form.notifyResident);
            form.community = first(kept, "community", form.community);
            form.site = first(kept, "site", form.site);
            form.addressDetail = first(kept, "addressDetail", form.addressDetail);
            form.latitude = first(kept, "latitude", form.latitude);
            form.longitude = first(kept, "longitude", form.longitude);
            form.priority = first(kept, "priority", form.priority);
            form.channel = first(kept, "channel", form.channel);
            form.photoPublic = first(kept, PhotoForms.PUBLIC_FIELD, form.photoPublic);
            return form;
        }

        private static String first(Map<String, List<String>> kept, String name, String otherwise) {
            List<String> values = kept.get(name);
            return values == null || values.isEmpty() || values.get(0) == null ? otherwise : values.get(0);
        }
    }

    static final String PAGE = "/console/intake";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance intake(IntakeForm form, List<ConsoleChoices.CategoryChoice> categories,
                List<Ref> communities, List<ConsoleChoices.SiteChoice> sites, List<Priority> priorities,
                List<Channel> channels, List<TicketRef> duplicates, String problemKey, String problem, boolean draftBack,
                PhotoForms.FormPhotos photos);
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
    Validator validator;

    @Inject
    PageTexts texts;

    @Inject
    FormDrafts drafts;

    @Inject
    PhotoForms photoForms;

    @Inject
    ChangesWithPhotos changes;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form(@CookieParam(FormDrafts.COOKIE) String draftId) {
        // A call posted after the session ended comes back filled in, once, to be checked and saved (not sent).
        var draft = drafts.take(PAGE, actor.get().actor().name(), draftId);
        if (draft.isEmpty()) {
            IntakeForm form = new IntakeForm();
            // Staff of one community log calls for it alone: it is chosen for them.
            List<Ref> communities = choices.communities(actor.get().scope());
            if (communities.size() == 1) {
                form.community = communities.get(0).code();
            }
            return Response.ok(page(form, List.of(), null, null, false, null, false), MediaType.TEXT_HTML_TYPE).build();
        }
        IntakeForm form = IntakeForm.of(draft.get());
        return Response.ok(page(form, List.of(), null, null, true, null, false), MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").cookie(FormDrafts.spent(PAGE)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submit(@BeanParam IntakeForm form) {
        return submit(form, List.of());
    }

    /** The page's form: multipart, with the call's photos (none is fine). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submitWithPhotos(@BeanParam IntakeForm form, @RestForm(PhotoForms.FIELD) List<FileUpload> photos) {
        return submit(form, photos == null ? List.of() : photos);
    }

    private Response submit(IntakeForm form, List<FileUpload> files) {
        Caller caller = actor.get();
        // Photos sent with a form that comes back are not kept: a browser cannot fill a file input again.
        boolean sentPhotos = PhotoForms.anyFile(files);
        if (!csrf.accepts(caller.actor().name(), form.csrf)) {
            return render(400, form, List.of(), "flashFormExpired", null, sentPhotos);
        }
        ReporterInput reporter = new ReporterInput(form.reporterName.strip(), blankToNull(form.reporterPhone));
        Channel channel = enumOr(Channel.class, form.channel, Channel.PHONE);
        boolean residentsSee = "true".equals(form.photoPublic);
        try {
            if (!form.addTo.isBlank()) {
                AddReportRequest report = new AddReportRequest(reporter, channel, blankToNull(form.description));
                var violations = validator.validate(report);
                if (!violations.isEmpty()) {
                    return render(400, form, List.of(), "flashInvalid", texts.describe(violations), sentPhotos);
                }
                var photos = photoForms.read(files, residentsSee);
                TicketView ticket = changes.addReport(form.addTo.strip(), report, photos, caller);
                return redirect(caller, ticket.code(), Flash.Message.done("flashReportAdded", ticket.code()));
            }
            Double latitude = degreesOrNull(form.latitude);
            Double longitude = degreesOrNull(form.longitude);
            if ((latitude == null) != (longitude == null) || Double.isNaN(orZero(latitude)) || Double.isNaN(orZero(longitude))) {
                return render(400, form, List.of(), "flashInvalid", texts.bundle(MapMessages.class).fieldLatitude() + " / "
                        + texts.bundle(MapMessages.class).fieldLongitude(), sentPhotos);
            }
            CreateTicketRequest request = new CreateTicketRequest(form.category, form.description.strip(), channel,
                    enumOr(Priority.class, form.priority, null), reporter,
                    new LocationInput(form.community, blankToNull(form.site), blankToNull(form.addressDetail), latitude, longitude),
                    "true".equals(form.notifyResident), "true".equals(form.crewMayCall));
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return render(400, form, List.of(), "flashInvalid", texts.describe(violations), sentPhotos);
            }
            if (!"true".equals(form.confirmed)) {
                List<TicketRef> duplicates = tickets.possibleDuplicatesOfCall(form.category, form.site, caller);
                if (!duplicates.isEmpty()) {
                    return render(200, form, duplicates, null, null, sentPhotos);
                }
            }
            var photos = photoForms.read(files, residentsSee);
            TicketView ticket = changes.create(request, photos, caller);
            return redirect(caller, ticket.code(),
                    new Flash.Message("flashCreated", false, null, ticket.code(), ticket.accessCode()));
        } catch (PhotoUploads.RefusedPhotos refused) {
            // Too large, not an image, or no memory to process it in time: the form again as typed, saying why;
            // nothing was recorded.
            return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(form, List.of(), null, null, false, photoForms.refusal(refused), true)).build();
        } catch (ProblemException refused) {
            Flash.Message message = ConsoleProblems.of(refused, texts);
            return render(refused.status(), form, List.of(), message.key(), message.detail(), sentPhotos);
        }
    }

    private Response render(int status, IntakeForm form, List<TicketRef> duplicates, String key, String detail,
            boolean photosNotKept) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(form, duplicates, key, detail, false, null, photosNotKept)).build();
    }

    private TemplateInstance page(IntakeForm form, List<TicketRef> duplicates, String key, String detail,
            boolean draftBack, String photoProblem, boolean photosNotKept) {
        var scope = actor.get().scope();
        return Templates.intake(form, choices.categories(), choices.communities(scope), choices.sites(scope),
                List.of(Priority.values()), List.of(Channel.PHONE, Channel.WALK_IN, Channel.HOTLINE_12345, Channel.WEB),
                duplicates, key, detail, draftBack,
                photoForms.form("true".equals(form.photoPublic), photoProblem, photosNotKept));
    }

    private Response redirect(Caller caller, String code, Flash.Message message) {
        return Response.seeOther(UriBuilder.fromPath("/console/tickets/{code}").build(code))
                .cookie(flash.keep(caller.actor().name(), code, message)).build();
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String value, E fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Degrees as typed (a comma taken as the decimal point); NaN when it is not a number, null when blank. */
    private static Double degreesOrNull(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            double degrees = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(degrees) ? degrees : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
