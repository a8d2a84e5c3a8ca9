package org.communitydesk.open311;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.photo.PhotoIntake;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.communitydesk.common.AppConfig;
import org.communitydesk.ticket.EventTexts;
import org.communitydesk.open311.GeoReportViews.CreatedRequest;
import org.communitydesk.open311.GeoReportViews.RequestUpdate;
import org.communitydesk.open311.GeoReportViews.RequestUpdatesXml;
import org.communitydesk.open311.GeoReportViews.Discovery;
import org.communitydesk.open311.GeoReportViews.Error;
import org.communitydesk.open311.GeoReportViews.Service;
import org.communitydesk.open311.GeoReportViews.ServiceDefinition;
import org.communitydesk.open311.GeoReportViews.ServiceRequest;
import org.communitydesk.open311.GeoReportViews.ServiceRequestsXml;
import org.communitydesk.open311.GeoReportViews.ServicesXml;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open311 GeoReport v2: anyone may read services and requests; applications POST requests with an
 * API key. The format is the URL's suffix (.json or .xml), not the Accept header, as the spec has it.
 * Errors are in the spec's format too (see common.ProblemMapper).
 */
@Path("/open311/v2")
@PermitAll
@SecurityRequirements
@Tag(name = "Open311", description = "Open311 GeoReport v2 in JSON and XML, and the API keys for it")
public class GeoReportResource {

    private static final String FORMAT_DOC = "json or xml";

    /** Open311 clients get the office's language unless they ask for English. */
    static final String OPEN311_LANGUAGE_DOC = "The language of the fixed words in which a move is told (the notes of "
            + "extensions=true, an update's description): Chinese by default, English when en is preferred. Staff notes are "
            + "returned as typed.";

    @Inject
    GeoReportService geoReport;

    @Inject
    RequestSearch search;

    @Inject
    AppConfig config;

    @Inject
    PhotoIntake photoIntake;

    @Inject
    RemoteMedia remoteMedia;

    @GET
    @Path("/discovery.{format}")
    @Operation(operationId = "getOpen311Discovery", summary = "Service discovery: the endpoint, its formats and how to get a key")
    @APIResponse(responseCode = "200", description = "The discovery document", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Discovery.class)),
            @Content(mediaType = "text/xml", schema = @Schema(implementation = Discovery.class)) })
    @GeoReportErrorResponses
    public Response getOpen311Discovery(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format, UriInfo uriInfo) {
        GeoReportFormat as = GeoReportFormat.of(format);
        Discovery discovery = geoReport.discovery(uriInfo.getBaseUriBuilder().path("open311/v2").build());
        return as.ok(discovery, discovery).build();
    }

    @GET
    @Path("/services.{format}")
    @Operation(operationId = "listOpen311Services", summary = "The services (categories) that can be requested")
    @APIResponse(responseCode = "200", description = "Every service", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Service.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Service.class)) })
    @GeoReportErrorResponses
    public Response listOpen311Services(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format) {
        GeoReportFormat as = GeoReportFormat.of(format);
        List<Service> services = geoReport.services();
        return as.ok(services, new ServicesXml(services)).build();
    }

    @GET
    @Path("/services/{service_code}.{format}")
    @Operation(operationId = "getOpen311ServiceDefinition",
            summary = "A service's definition: the further questions (attributes) it asks, if any")
    @APIResponse(responseCode = "200", description = "The definition", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceDefinition.class)),
            @Content(mediaType = "text/xml", schema = @Schema(implementation = ServiceDefinition.class)) })
    @GeoReportErrorResponses
    public Response getOpen311ServiceDefinition(@PathParam("service_code") String serviceCode,
            @Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format) {
        GeoReportFormat as = GeoReportFormat.of(format);
        ServiceDefinition definition = geoReport.definition(serviceCode);
        return as.ok(definition, definition).build();
    }

    @GET
    @Path("/requests.{format}")
    @Operation(operationId = "listOpen311Requests",
            summary = "Service requests, newest first: at most 90 days and 1000 requests a page")
    @APIResponse(responseCode = "200", description = "The requests; no personal data", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)) })
    @GeoReportErrorResponses
    public Response listOpen311Requests(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format, @BeanParam RequestQuery query,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = OPEN311_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        GeoReportFormat as = GeoReportFormat.of(format);
        List<ServiceRequest> requests = search.search(query, EventTexts.forAcceptLanguage(acceptLanguage));
        return as.ok(requests, new ServiceRequestsXml(requests)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/requests/{service_request_id}.{format}")
    @Operation(operationId = "getOpen311Request", summary = "One service request, by its tracking code")
    @APIResponse(responseCode = "200", description = "A list of the one request; no personal data", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRequest.class)) })
    @GeoReportErrorResponses
    public Response getOpen311Request(@PathParam("service_request_id") String serviceRequestId,
            @Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format,
            @QueryParam("extensions") @Parameter(description = "true adds extended_attributes and notes.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String extensions,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = OPEN311_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        GeoReportFormat as = GeoReportFormat.of(format);
        List<ServiceRequest> request = List.of(search.get(serviceRequestId, extensions,
                EventTexts.forAcceptLanguage(acceptLanguage)));
        return as.ok(request, new ServiceRequestsXml(request)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("/servicerequestupdates.{format}")
    @Operation(operationId = "listOpen311RequestUpdates",
            summary = "Public events since a time, oldest first: at most 90 days and 1000 updates a page",
            description = "The servicerequestupdates extension as FixMyStreet reads it "
                    + "(https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Proposed-differences-to-Open311): "
                    + "each update has a stable update_id.")
    @APIResponse(responseCode = "200", description = "The updates; no personal data", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = RequestUpdate.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = RequestUpdate.class)) })
    @GeoReportErrorResponses
    public Response listOpen311RequestUpdates(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format, @BeanParam UpdateQuery query,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.ACCEPT_LANGUAGE, description = OPEN311_LANGUAGE_DOC)
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        GeoReportFormat as = GeoReportFormat.of(format);
        List<RequestUpdate> updates = search.updates(query, EventTexts.forAcceptLanguage(acceptLanguage));
        return as.ok(updates, new RequestUpdatesXml(updates)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "createOpen311Request", summary = "Report a problem from an application with an API key",
            description = "Creates a ticket on channel OPEN311. The location must fall in one of our communities. "
                    + "Answers 200 by default; 201 when communitydesk.open311.created-status=201. A photo comes as "
                    + "media_url, fetched by the service when an ADMIN allowed its host (/api/open311/media-hosts, or the "
                    + "setting communitydesk.open311.media-hosts; else kept as text in the description), or, as in the GeoReport v2.1 draft, as a multipart/form-data "
                    + "POST with the same fields and one file part 'media'. Either is checked and re-encoded like a "
                    + "photo upload; a photo that cannot be taken answers 400 and creates nothing.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = ServiceRequestForm.class)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ServiceRequestMediaForm.class)) })
    @APIResponse(responseCode = "200", description = "Created; Location names the request",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CreatedRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = CreatedRequest.class)) })
    @APIResponse(responseCode = "201", description = "Created, when so configured; Location names the request",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CreatedRequest.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = CreatedRequest.class)) })
    @APIResponse(responseCode = "403", description = "api_key missing, unknown or revoked", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)),
            @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.ARRAY, implementation = Error.class)) })
    @GeoReportErrorResponses
    public Response createOpen311Request(@Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "xml" }))
            @PathParam("format") String format, MultivaluedMap<String, String> fields, UriInfo uriInfo) {
        return created(format, ServiceRequestForm.of(fields), null, uriInfo);
    }

    /** The same POST as multipart/form-data with a 'media' file part (GeoReport v2.1 draft); described above. */
    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response createOpen311RequestWithMedia(@PathParam("format") String format, MultipartFormDataInput input,
            UriInfo uriInfo) {
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        java.nio.file.Path media = null;
        for (var entry : input.getValues().entrySet()) {
            for (FormValue value : entry.getValue()) {
                if (!value.isFileItem()) {
                    fields.add(entry.getKey(), value.getValue());
                } else if (!"media".equals(entry.getKey())) {
                    throw new InvalidRequestProblem(entry.getKey(), "Only the file part 'media' is taken.");
                } else if (media != null) {
                    throw new InvalidRequestProblem("media", "Send one 'media' file per request.");
                } else {
                    media = value.getFileItem().getFile();
                }
            }
        }
        return created(format, ServiceRequestForm.of(fields), media, uriInfo);
    }

    private Response created(String format, ServiceRequestForm form, java.nio.file.Path media, UriInfo uriInfo) {
        GeoReportFormat as = GeoReportFormat.of(format);
        List<PhotoIntake.Prepared> photos = new ArrayList<>();
        boolean mediaUrlStored = false;
        // Only for an active key: nobody else makes the service decode images or fetch URLs.
        if (geoReport.hasActiveKey(form.apiKey)) {
            if (media != null) {
                photos.add(photoIntake.prepare(media, "media"));
            } else if (form.mediaUrl != null && remoteMedia.isFetched(form.mediaUrl)) {
                photos.add(remoteMedia.fetch(form.mediaUrl));
                mediaUrlStored = true;
            }
        }
        CreatedRequest created = geoReport.create(form, photos, mediaUrlStored);
        List<CreatedRequest> body = List.of(created);
        return Response.status(config.open311().createdStatus() == 201 ? 201 : 200)
                .location(uriInfo.getBaseUriBuilder().path("open311/v2/requests")
                        .path(created.serviceRequestId() + "." + format.toLowerCase(java.util.Locale.ROOT)).build())
                .entity(as.write(body, new ServiceRequestsXml(body))).type(as.mediaType)
                // The answer may carry the resident's access code: no cache may keep it.
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
