package org.communitydesk.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.communitydesk.ticket.CurrentActor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns HTTP Basic and form sign-ins into identities carrying the user's role and ticket scope; a form
 * sign-in also begins a pages' session ({@link SessionTokens}).
 */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginVerifier verifier;

    /** Where the login form posts (Quarkus' form login). */
    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formPostLocation;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String client = ClientFailure.addressOf(routing == null ? null : routing.request());
        boolean formSignIn = routing != null && routing.normalizedPath().endsWith(formPostLocation);
        return context.runBlocking(() -> verify(username, password, client, formSignIn)
                .map(grant -> {
                    if (formSignIn) {
                        // A pages' session begins: its token goes beside Quarkus' cookie (see SessionTokens).
                        var session = verifier.begin(grant);
                        routing.response().addCookie(SessionIdentityProvider.cookie(session.renewedToken(),
                                session.maxAgeSeconds(), routing));
                    }
                    return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(grant.username()))
                            .addRoles(grant.roles())
                            .addAttribute(CurrentActor.SCOPE_ATTRIBUTE, grant.scope())
                            .build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("Wrong user name or password, or the account is "
                        + "disabled or locked", formAttributes(formSignIn, username, null))));
    }

    private Optional<Grant> verify(String username, String password, String client, boolean formSignIn) {
        try {
            return verifier.verify(username, password, client);
        } catch (TooManySignInsProblem refused) {
            // Authentication may only fail with this type; the mapper answers for its cause (429).
            throw new AuthenticationFailedException(refused.getMessage(), refused,
                    formAttributes(formSignIn, username, refused.onAccount() ? "account" : "address"));
        }
    }

    /**
     * For the sign-in page after a failed form sign-in (common.ProblemMapper reads them): the name typed, to
     * fill the form again, and what is locked (the account from this address, or the address).
     */
    private static java.util.Map<String, Object> formAttributes(boolean formSignIn, String username, String locked) {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        if (formSignIn && username != null && username.length() <= 64) {
            attributes.put(ClientFailure.SIGN_IN_NAME, username);
        }
        if (locked != null) {
            attributes.put(ClientFailure.SIGN_IN_LOCKED, locked);
        }
        return attributes;
    }
}
