package org.communitydesk.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.communitydesk.ticket.CurrentActor;

/**
 * The pages' session: after a form sign-in, Quarkus' encrypted cookie names the user and arrives as a
 * trusted request, and the {@value SessionTokens#COOKIE} cookie beside it says which session this is
 * ({@link SessionTokens}). Both are checked, and the user is read again, on each request: a session ends
 * at sign-out, at a new password, when the account is disabled, after its lifetime and when left idle,
 * on every instance at once; a changed role or scope applies at the next click.
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
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = routing == null ? null : routing.request().getCookie(SessionTokens.COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        return context.runBlocking(() -> verifier.resume(request.getPrincipal(), token)
                .map(resumed -> {
                    if (resumed.renewedToken() != null && routing != null) {
                        routing.response().addCookie(cookie(resumed.renewedToken(), resumed.maxAgeSeconds(), routing));
                    }
                    return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(resumed.grant().username()))
                            .addRoles(resumed.grant().roles())
                            .addAttribute(CurrentActor.SCOPE_ATTRIBUTE, resumed.grant().scope())
                            .build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("This session is over (signed out, a new "
                        + "password, the account disabled, or too old or idle); sign in again")));
    }

    /** The session token's cookie: as private as Quarkus' own (HttpOnly, SameSite=Strict), kept to the lifetime. */
    static Cookie cookie(String value, long maxAgeSeconds, RoutingContext routing) {
        return Cookie.cookie(SessionTokens.COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()).setMaxAge(maxAgeSeconds);
    }
}
