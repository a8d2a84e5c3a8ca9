package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.communitydesk.common.PagePaths;
import org.communitydesk.security.Accounts;
import org.communitydesk.security.SessionTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** The sign-in page of form login (it posts to Quarkus' /j_security_check), and signing out. */
@Path("/")
@PermitAll
public class LoginResource {

    /** Quarkus' form-login session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    /** Quarkus' form-login "where to go after signing in" cookie (quarkus.http.auth.form.location-cookie). */
    static final String REDIRECT_COOKIE = "quarkus-redirect-location";

    @Inject
    SecurityIdentity identity;

    @Inject
    Accounts accounts;

    @Inject
    java.time.Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, long retryAfterMinutes, String username,
                boolean accountLocked, java.time.Instant lockedUntil, boolean passwordChanged, boolean formKept);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response login(UriInfo uri, @RestQuery(PagePaths.NEXT) String next, HttpServerResponse vertxResponse) {
        // Form login sends a failed sign-in to "/login?error", a parameter without a value, and a sign-in
        // refused for too many failures from the address to "/login?retryAfter=<seconds>".
        // "kept": a form posted after the session ended is kept (common.FormDrafts) and comes back after the sign-in.
        var params = uri.getQueryParameters();
        long minutes = minutes(params.getFirst("retryAfter"));
        String typed = params.getFirst("user");
        TemplateInstance page = Templates.login(params.containsKey("error"), minutes,
                typed == null || typed.length() > 64 ? "" : typed, "account".equals(params.getFirst("locked")),
                clock.instant().plusSeconds(seconds(params.getFirst("retryAfter"))), params.containsKey("passwordChanged"),
                params.containsKey("kept"));
        Response.ResponseBuilder response = Response.ok(page, MediaType.TEXT_HTML_TYPE);
        // Quarkus' form sign-in sends the browser to the address in this cookie once the password is right
        // (it checks that scheme, host and port are this request's); our base URI passed the host check.
        PagePaths.localPage(next).ifPresent(local -> {
            int query = local.indexOf('?');
            var back = uri.getBaseUriBuilder().replacePath(query < 0 ? local : local.substring(0, query))
                    .replaceQuery(query < 0 ? null : local.substring(query + 1)).build();
            // Set through Vert.x, which writes the URL as it is: JAX-RS would quote it, and Quarkus reads it unquoted.
            vertxResponse.addCookie(Cookie.cookie(REDIRECT_COOKIE, back.toString()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(30 * 60)
                    .setSecure("https".equals(uri.getBaseUri().getScheme())));
        });
        return response.build();
    }

    private static long seconds(String seconds) {
        return seconds == null || !seconds.matches("\\d{1,6}") ? 0 : Long.parseLong(seconds);
    }

    /** Whole minutes, rounded up; 0 when the parameter is absent or not a number. */
    private static long minutes(String seconds) {
        if (seconds == null || !seconds.matches("\\d{1,6}")) {
            return 0;
        }
        return Math.max(1, (Long.parseLong(seconds) + 59) / 60);
    }

    /**
     * Signing out ends every session of the user on every instance (their session generation moves on, so a
     * copy of the cookies is refused too), then drops the cookies; forms of this session then expire. A
     * request whose session is already over just loses its cookies.
     */
    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(UriInfo uri) {
        String username = null;
        try {
            username = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (AuthenticationFailedException over) {
            // Nothing to end: the session is over already.
        }
        if (username != null) {
            accounts.signOut(username);
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("login").build())
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).build(),
                        new NewCookie.Builder(SessionTokens.COOKIE).value("").path("/").httpOnly(true).maxAge(0).build(),
                        ConsoleSession.ended())
                .build();
    }
}
