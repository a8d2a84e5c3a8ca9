package org.communitydesk.resident;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.Problem;
import org.communitydesk.common.SerialisedAnswers;
import org.communitydesk.ticket.EventTexts;
import org.communitydesk.ticket.TicketRequests.FeedbackRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Residents' API: no login; the tracking code and the access code read out at intake open one ticket. */
@Path("/api/public/tickets/{code}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityRequirements
@Tag(name = "Residents", description = "A resident's own ticket, opened with its access code")
@APIResponse(responseCode = "404",
        description = "No such ticket, a wrong or missing access code, or lookups blocked after too many wrong codes; "
                + "all three look the same",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many failed lookups from this address within a minute",
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Long.class)),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicTicketResource {

    static final String ACCESS_CODE_HEADER = "X-Access-Code";
    private static final String ACCESS_CODE_DOC = "The access code read to the caller at intake (case, spaces and "
            + "dashes do not matter)";

    @Inject
    ResidentService residents;

    @Inject
    SerialisedAnswers serialised;

    @Context
    HttpServerRequest http;

    @GET
    @Operation(operationId = "getPublicTicketStatus", summary = "A resident's ticket: status, times and public events")
    @APIResponse(responseCode = "200", description = "The ticket",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicTicketView.class)))
    public Response getPublicTicketStatus(@PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, name = ACCESS_CODE_HEADER, description = ACCESS_CODE_DOC, required = true)
            @HeaderParam(ACCESS_CODE_HEADER) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = EventTexts.ACCEPT_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        // A status page refreshed gets the view kept for a few seconds; its JSON is written once too.
        return private200(serialised.of(residents.status(code, accessCode, client(),
                EventTexts.forAcceptLanguage(acceptLanguage))).json());
    }

    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "givePublicFeedback", summary = "Rate the resolution, once, within 7 days of it",
            description = "'resolved: false' reopens the ticket; otherwise a RESOLVED ticket is closed.")
    @APIResponse(responseCode = "200", description = "The ticket after the feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicTicketView.class)))
    @APIResponse(responseCode = "400", description = "An invalid rating or a missing field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not resolved, already rated, or more than 7 days since the resolution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response givePublicFeedback(@PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, name = ACCESS_CODE_HEADER, description = ACCESS_CODE_DOC, required = true)
            @HeaderParam(ACCESS_CODE_HEADER) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = EventTexts.ACCEPT_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @NotNull @Valid FeedbackRequest request) {
        return private200(residents.giveFeedback(code, accessCode, request, client(),
                EventTexts.forAcceptLanguage(acceptLanguage)));
    }

    @POST
    @Path("/stop-messages")
    @Operation(operationId = "stopPublicTextMessages", summary = "Stop text messages about this ticket",
            description = "The caller's phone gets no further messages about this ticket; asking again changes nothing.")
    @APIResponse(responseCode = "200", description = "The ticket, with textMessages false",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicTicketView.class)))
    public Response stopPublicTextMessages(@PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, name = ACCESS_CODE_HEADER, description = ACCESS_CODE_DOC, required = true)
            @HeaderParam(ACCESS_CODE_HEADER) String accessCode,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = EventTexts.ACCEPT_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return private200(residents.stopMessages(code, accessCode, client(), EventTexts.forAcceptLanguage(acceptLanguage)));
    }

    private String client() {
        return clientAddress(http);
    }

    /** The address the per-client throttle counts; behind a trusted proxy, the one it forwarded. */
    static String clientAddress(HttpServerRequest http) {
        return ClientFailure.addressOf(http);
    }

    /** A ticket's view (or its JSON): never stored by a browser or proxy. */
    private static Response private200(Object view) {
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
