package org.communitydesk.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.communitydesk.common.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where each role starts after signing in: supervisors and administrators on the dashboard, staff
 * and contractors on their ticket queue. Anyone not signed in is sent to the login page.
 */
@Path("/")
@PermitAll
public class HomeResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(hidden = true)
    public Response home(UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path(startPage()).build()).build();
    }

    private String startPage() {
        if (identity.isAnonymous()) {
            return "login";
        }
        if (identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN)) {
            return "dashboard";
        }
        return "console/tickets";
    }
}
