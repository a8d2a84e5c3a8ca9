package org.communitydesk.ticket;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The door of every move's endpoint, in the API and on the pages ({@code @AuthorizationPolicy(name = NAME)} on
 * {@code POST …/tickets/{code}/<move>}): it lets through the roles that {@link MovePermissions} names for the move
 * in its path's last segment, before the body is read, as {@code @RolesAllowed} would (401 without a sign-in, 403
 * for another role). What depends on the ticket (its state, the lead, the order to accept) is for the service.
 */
@ApplicationScoped
public class TicketMoveDoor implements HttpSecurityPolicy {

    public static final String NAME = "ticket-move";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        Optional<TicketAction> action = moveOf(request.normalizedPath());
        return identity.map(who -> !who.isAnonymous() && action.isPresent()
                && MovePermissions.mayEver(action.get(), who.getRoles()) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    /** The move a path names in its last segment ({@code /api/tickets/CD-2026-000011/start}: start). */
    static Optional<TicketAction> moveOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return TicketAction.ofPathName(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }

    @Override
    public String name() {
        return NAME;
    }
}
