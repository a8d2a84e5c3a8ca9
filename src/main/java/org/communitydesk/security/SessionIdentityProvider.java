package org.communitydesk.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.communitydesk.ticket.CurrentActor;

/**
 * The pages' session: after a form sign-in, Quarkus' encrypted cookie names the user and arrives as a
 * trusted request. The user is read again each time, so a disabled or locked account loses its pages
 * at once and a changed role or scope applies at the next click.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    LoginVerifier verifier;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> verifier.stillAllowed(request.getPrincipal())
                .map(grant -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(grant.username()))
                        .addRoles(grant.roles())
                        .addAttribute(CurrentActor.SCOPE_ATTRIBUTE, grant.scope())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("The account of this session is disabled, "
                        + "locked or gone; sign in again")));
    }
}
