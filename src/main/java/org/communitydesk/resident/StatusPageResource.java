package org.communitydesk.resident;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.function.Function;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.resident.PublicTicketView.Name;
import org.communitydesk.ticket.FeedbackProblem;
import org.communitydesk.web.PageTexts;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.Status;

/**
 * The residents' status page: what GET /api/public/tickets/{code} answers, as a bilingual page
 * without login. The access code travels in a POST body, never in the URL (where it would end up in
 * logs and browser history), and is never written back into a page. A lookup changes nothing, so its
 * POST renders the answer directly instead of redirecting (Post/Redirect/Get buys nothing here).
 * No CSRF token (quarkus-rest-csrf would demand one on Open311's form POST too): a lookup changes nothing, and
 * the forms that change something (stop messages, feedback) need the access code, which another site cannot know.
 */
@Path("/status")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class StatusPageResource {

    /** Why the form is shown again instead of a ticket. */
    enum Failure {
        MISSING_INPUT, NOT_FOUND, BLOCKED, TOO_MANY_LOOKUPS
    }

    /** The community office to call when the ticket is blocked: its name and phone (either may be missing). */
    public record Office(Name community, String phone) {
    }

    /**
     * The feedback form as posted, to fill it in again with why it was refused (a bundle key), or empty.
     * The access code is never among the fields: a page never carries it back.
     */
    public record FeedbackForm(String problemKey, String rating, String resolved, String comment) {

        static final FeedbackForm EMPTY = new FeedbackForm(null, "", "", "");

        public boolean hasRating(int value) {
            return String.valueOf(value).equals(rating);
        }
    }

    @CheckedTemplate
    static class Templates {
        /** The lookup form; after a failed lookup, the typed tracking code (never the access code) and why. */
        static native TemplateInstance form(String code, Failure failure, long retryAfterSeconds, Office office,
                boolean feedbackThanks);

        /**
         * The ticket; its forms ("stop text messages", the feedback) ask for the access code again (it is never
         * written into a page).
         */
        static native TemplateInstance ticket(PublicTicketView ticket, FeedbackForm feedback);
    }

    /** The ?feedback= value of the redirect after a rating was given. */
    static final String FEEDBACK_GIVEN = "given";

    @Inject
    ResidentService residents;

    @Inject
    Validator validator;

    @Inject
    PageTexts texts;

    @Context
    HttpServerRequest http;

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> showStatusForm(@RestQuery String code, @RestQuery String feedback) {
        // Text messages link here with the tracking code filled in (never the access code); after feedback,
        // the redirect of Post/Redirect/Get lands here and says thank you.
        String given = code == null ? "" : code.strip();
        return page(Status.OK, Templates.form(given.length() > 40 ? "" : given, null, 0, null,
                FEEDBACK_GIVEN.equals(feedback)));
    }

    /**
     * The resident's rating of the work, once, inside the feedback window: the same rules as the API's
     * (resident.ResidentService). Given, the browser is sent to GET /status, which thanks them (so that
     * reloading sends nothing twice); refused or incomplete, the ticket's page again with the form filled in.
     */
    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> giveFeedback(@RestForm String code, @RestForm String accessCode,
            @RestForm String rating, @RestForm String resolved, @RestForm String comment) {
        FeedbackRequest request = new FeedbackRequest(number(rating),
                "yes".equals(resolved) ? Boolean.TRUE : "no".equals(resolved) ? Boolean.FALSE : null, comment);
        boolean complete = validator.validate(request).isEmpty();
        FeedbackForm typed = new FeedbackForm(null, rating == null ? "" : rating, resolved == null ? "" : resolved,
                comment == null ? "" : comment);
        String[] refusedKey = new String[1];
        return withCodes(code, accessCode, (c, a, client) -> {
            if (!complete) {
                refusedKey[0] = "statusFeedbackInvalid";
                return residents.status(c, a, client, texts.locale());
            }
            try {
                return residents.giveFeedback(c, a, request, client, texts.locale());
            } catch (FeedbackProblem refused) {
                refusedKey[0] = "statusFeedbackRefused";
                return residents.status(c, a, client, texts.locale());
            }
        }, view -> {
            if (refusedKey[0] != null) {
                return page(complete ? Status.CONFLICT : Status.BAD_REQUEST, Templates.ticket(view,
                        new FeedbackForm(refusedKey[0], typed.rating(), typed.resolved(), typed.comment())));
            }
            URI thanks = UriBuilder.fromPath("/status").queryParam("code", "{code}")
                    .queryParam("feedback", FEEDBACK_GIVEN).build(view.code());
            return RestResponse.ResponseBuilder.<TemplateInstance>seeOther(thanks)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The resident's "stop text messages" button on their ticket's page; answers with the page again. */
    @POST
    @Path("/stop-messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> stopTextMessages(@RestForm String code, @RestForm String accessCode) {
        return withCodes(code, accessCode, (c, a, client) -> residents.stopMessages(c, a, client, texts.locale()), StatusPageResource::ticketPage);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> lookUpStatus(@RestForm String code, @RestForm String accessCode) {
        return withCodes(code, accessCode, (c, a, client) -> residents.status(c, a, client, texts.locale()), StatusPageResource::ticketPage);
    }

    /** What the resident can do with the two codes; answers the ticket's view or refuses as a lookup does. */
    @FunctionalInterface
    interface WithCodes {
        PublicTicketView apply(String code, String accessCode, String client);
    }

    /** The ticket's page after the action, or the form again with why: the same for every action of the page. */
    private RestResponse<TemplateInstance> withCodes(String code, String accessCode, WithCodes action,
            Function<PublicTicketView, RestResponse<TemplateInstance>> answer) {
        String typedCode = code == null ? "" : code.strip();
        if (typedCode.isEmpty() || accessCode == null || accessCode.isBlank()) {
            return page(Status.BAD_REQUEST, Templates.form(typedCode, Failure.MISSING_INPUT, 0, null, false));
        }
        try {
            PublicTicketView ticket = action.apply(typedCode, accessCode, PublicTicketResource.clientAddress(http));
            return answer.apply(ticket);
        } catch (TicketBlockedProblem blocked) {
            // Only staff can help now (a new access code lifts the block): say whom to call.
            return page(Status.NOT_FOUND, Templates.form(typedCode, Failure.BLOCKED, 0,
                    new Office(blocked.community(), blocked.officePhone()), false));
        } catch (NotFoundProblem unknownOrWrong) {
            return page(Status.NOT_FOUND, Templates.form(typedCode, Failure.NOT_FOUND, 0, null, false));
        } catch (TooManyLookupsProblem throttled) {
            long seconds = throttled.retryAfterSeconds();
            return RestResponse.ResponseBuilder.fromResponse(page(Status.TOO_MANY_REQUESTS,
                            Templates.form(typedCode, Failure.TOO_MANY_LOOKUPS, seconds, null, false)))
                    .header("Retry-After", seconds).build();
        }
    }

    private static RestResponse<TemplateInstance> ticketPage(PublicTicketView ticket) {
        return page(Status.OK, Templates.ticket(ticket, FeedbackForm.EMPTY));
    }

    /** Every answer is private to the one resident: never stored by a browser or a proxy. */
    private static RestResponse<TemplateInstance> page(Status status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.create(status, page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
