package org.communitydesk.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.communitydesk.directory.DirectoryViews.AreaNode;
import org.communitydesk.directory.DirectoryViews.CategoryView;
import org.communitydesk.directory.DirectoryViews.OrganizationView;
import org.communitydesk.directory.DirectoryViews.SiteView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public reads of the reference data: areas, sites, organizations and service categories. */
@Path("/api")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Areas, residential compounds, organizations and service categories")
public class DirectoryResource {

    @Inject
    DirectoryService directory;

    @GET
    @Path("/areas")
    @Operation(operationId = "listAreas", summary = "The area tree: districts, street offices and communities")
    public List<AreaNode> listAreas() {
        return directory.areaTree();
    }

    @GET
    @Path("/sites")
    @Operation(operationId = "listSites", summary = "Residential compounds, optionally of one community")
    public List<SiteView> listSites(
            @Parameter(description = "Community code") @QueryParam("community") String community) {
        return directory.sites(community);
    }

    @GET
    @Path("/organizations")
    @Operation(operationId = "listOrganizations", summary = "Agencies, contractors and property managers")
    public List<OrganizationView> listOrganizations(
            @Parameter(schema = @Schema(implementation = OrganizationKind.class))
            @QueryParam("kind") String kind) {
        return directory.organizations(kind);
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Service categories with their SLA targets")
    public List<CategoryView> listCategories() {
        return directory.categories();
    }
}
