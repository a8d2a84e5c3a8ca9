package org.communitydesk.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.communitydesk.common.ConditionalRead;
import org.communitydesk.common.OpenApiConventions;
import org.communitydesk.common.Problem;
import org.communitydesk.common.Roles;
import org.communitydesk.directory.DirectoryViews.FootprintRequest;
import org.communitydesk.directory.DirectoryViews.FootprintView;
import org.communitydesk.directory.DirectoryViews.OrganizationRequest;
import org.communitydesk.directory.DirectoryViews.SiteRequest;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import org.communitydesk.directory.DirectoryViews.AreaNode;
import org.communitydesk.directory.DirectoryViews.CategoryView;
import org.communitydesk.directory.DirectoryViews.OrganizationView;
import org.communitydesk.directory.DirectoryViews.SiteView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference data: public reads of areas, sites, organizations and categories; ADMIN maintains sites and organizations. */
@Path("/api")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Areas, residential compounds, organizations and service categories")
public class DirectoryResource {

    @Inject
    DirectoryService directory;

    @GET
    @Path("/areas")
    @Operation(operationId = "listAreas", summary = "The area tree: districts, street offices and communities",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @ConditionalRead
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The districts, each with its street offices and communities")
    @APIResponse(responseCode = "406", description = "Accept names no JSON type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AreaNode> listAreas() {
        return directory.areaTree();
    }

    @GET
    @Path("/sites")
    @Operation(operationId = "listSites", summary = "Residential compounds, optionally of one community",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @ConditionalRead
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The compounds")
    @APIResponse(responseCode = "400", description = "An unknown community code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SiteView> listSites(
            @Parameter(description = "Community code") @QueryParam("community") String community) {
        return directory.sites(community);
    }

    @GET
    @Path("/organizations")
    @Operation(operationId = "listOrganizations", summary = "Agencies, contractors and property managers",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @ConditionalRead
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The organizations")
    @APIResponse(responseCode = "400", description = "An unknown kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrganizationView> listOrganizations(
            @Parameter(schema = @Schema(implementation = OrganizationKind.class))
            @QueryParam("kind") String kind) {
        return directory.organizations(kind);
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Service categories with their SLA targets",
            extensions = @Extension(name = OpenApiConventions.CONDITIONAL_READ, value = "true"))
    @ConditionalRead
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The categories")
    @APIResponse(responseCode = "406", description = "Accept names no JSON type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CategoryView> listCategories() {
        return directory.categories();
    }

    @POST
    @Path("/organizations")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrganization", summary = "Add an agency, contractor or property manager")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createOrganization(@NotNull @Valid OrganizationRequest request, UriInfo uriInfo) {
        OrganizationView created = directory.createOrganization(request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/organizations").path(created.code()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/organizations/{organizationCode}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOrganization", summary = "Change an organization's kind, names or contact phone")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "No such organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganizationView updateOrganization(@PathParam("organizationCode") String organizationCode,
            @NotNull @Valid OrganizationRequest request) {
        return directory.updateOrganization(organizationCode, request);
    }

    @POST
    @Path("/sites")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSite", summary = "Add a residential compound to a community")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createSite(@NotNull @Valid SiteRequest request, UriInfo uriInfo) {
        SiteView created = directory.createSite(request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/sites").path(created.code()).build())
                .entity(created).build();
    }

    @PUT
    @Path("/sites/{siteCode}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSite", summary = "Change a compound's names, community or property manager")
    @APIResponse(responseCode = "200", description = "The site")
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SiteView updateSite(@PathParam("siteCode") String siteCode, @NotNull @Valid SiteRequest request) {
        return directory.updateSite(siteCode, request);
    }

    @PUT
    @Path("/sites/{siteCode}/footprint")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeSite", summary = "Set a compound's centre and radius (WGS-84)",
            description = "Reports by position (Open311 lat/long) are routed to the compound whose footprint covers them.")
    @APIResponse(responseCode = "200", description = "The site with its footprint")
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SiteView placeSite(@PathParam("siteCode") String siteCode, @NotNull @Valid FootprintRequest request) {
        return directory.placeSite(siteCode, request);
    }

    @DELETE
    @Path("/sites/{siteCode}/footprint")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "unplaceSite", summary = "Remove a compound's footprint; it is then found by code or name only")
    @APIResponse(responseCode = "200", description = "The site without a footprint")
    @APIResponse(responseCode = "404", description = "No such site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SiteView unplaceSite(@PathParam("siteCode") String siteCode) {
        return directory.placeSite(siteCode, null);
    }

    @PUT
    @Path("/areas/{areaCode}/footprint")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeCommunity", summary = "Set a community's centre and radius (WGS-84)",
            description = "A report by position that no compound covers goes to the community whose footprint covers it.")
    @APIResponse(responseCode = "200", description = "The community's footprint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FootprintView.class)))
    @APIResponse(responseCode = "400", description = "Invalid footprint, or the area is not a community",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such area",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FootprintView placeCommunity(@PathParam("areaCode") String areaCode, @NotNull @Valid FootprintRequest request) {
        return directory.placeCommunity(areaCode, request);
    }
}
