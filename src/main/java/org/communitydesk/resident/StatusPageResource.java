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
import org.communitydesk.common.NotFoundProblem;
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
 * No CSRF token (quarkus-rest-csrf would demand one on Open311's form POST too): a lookup changes nothing.
 */
@Path("/status")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class StatusPageResource {

    /** Why the form is shown again instead of a ticket. */
    enum Failure {
        MISSING_INPUT, NOT_FOUND, TOO_MANY_LOOKUPS
    }

    @CheckedTemplate
    static class Templates {
        /** The lookup form; after a failed lookup, the typed tracking code (never the access code) and why. */
        static native TemplateInstance form(String code, Failure failure, long retryAfterSeconds);

        /** The ticket; its "stop text messages" form asks for the access code again (it is never written into a page). */
        static native TemplateInstance ticket(PublicTicketView ticket);
    }

    @Inject
    ResidentService residents;

    @Context
    HttpServerRequest http;

    @GET
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> showStatusForm(@RestQuery String code) {
        // Text messages link here with the tracking code filled in (never the access code).
        String given = code == null ? "" : code.strip();
        return page(Status.OK, Templates.form(given.length() > 40 ? "" : given, null, 0));
    }

    /** The resident's "stop text messages" button on their ticket's page; answers with the page again. */
    @POST
    @Path("/stop-messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> stopTextMessages(@RestForm String code, @RestForm String accessCode) {
        return withCodes(code, accessCode, residents::stopMessages);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public RestResponse<TemplateInstance> lookUpStatus(@RestForm String code, @RestForm String accessCode) {
        return withCodes(code, accessCode, residents::status);
    }

    /** What the resident can do with the two codes; answers the ticket's view or refuses as a lookup does. */
    @FunctionalInterface
    interface WithCodes {
        PublicTicketView apply(String code, String accessCode, String client);
    }

    /** The ticket's page after the action, or the form again with why: the same for every action of the page. */
    private RestResponse<TemplateInstance> withCodes(String code, String accessCode, WithCodes action) {
        String typedCode = code == null ? "" : code.strip();
        if (typedCode.isEmpty() || accessCode == null || accessCode.isBlank()) {
            return page(Status.BAD_REQUEST, Templates.form(typedCode, Failure.MISSING_INPUT, 0));
        }
        try {
            PublicTicketView ticket = action.apply(typedCode, accessCode, PublicTicketResource.clientAddress(http));
            return page(Status.OK, Templates.ticket(ticket));
        } catch (NotFoundProblem unknownWrongOrBlocked) {
            return page(Status.NOT_FOUND, Templates.form(typedCode, Failure.NOT_FOUND, 0));
        } catch (TooManyLookupsProblem throttled) {
            long seconds = throttled.retryAfterSeconds();
            return RestResponse.ResponseBuilder.fromResponse(page(Status.TOO_MANY_REQUESTS,
                            Templates.form(typedCode, Failure.TOO_MANY_LOOKUPS, seconds)))
                    .header("Retry-After", seconds).build();
        }
    }

    /** Every answer is private to the one resident: never stored by a browser or a proxy. */
    private static RestResponse<TemplateInstance> page(Status status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.create(status, page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
