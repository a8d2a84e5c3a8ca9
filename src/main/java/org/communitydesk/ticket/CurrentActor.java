package org.communitydesk.ticket;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the current request, from the authenticated identity. The security package puts
 * the caller's {@link TicketScope} on the identity as the attribute {@value #SCOPE_ATTRIBUTE}.
 * Clients cannot name the actor: it is always the signed-in user.
 */
@RequestScoped
public class CurrentActor {

    public static final String SCOPE_ATTRIBUTE = "communitydesk.scope";

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        TicketScope scope = identity.getAttribute(SCOPE_ATTRIBUTE);
        if (scope == null) {
            throw new IllegalStateException("The identity of " + identity.getPrincipal().getName()
                    + " carries no ticket scope; it was not made by the CommunityDesk identity provider.");
        }
        String role = identity.getRoles().stream().sorted().findFirst().orElse("NONE");
        return new Caller(new Actor(identity.getPrincipal().getName(), role), identity.getRoles(), scope);
    }
}
