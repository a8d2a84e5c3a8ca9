package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.communitydesk.security.Accounts;
import org.communitydesk.security.SessionTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sign-in page of form login (it posts to Quarkus' /j_security_check), and signing out. */
@Path("/")
@PermitAll
public class LoginResource {

    /** Quarkus' form-login session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    SecurityIdentity identity;

    @Inject
    Accounts accounts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, long retryAfterMinutes);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance login(UriInfo uri) {
        // Form login sends a failed sign-in to "/login?error", a parameter without a value, and a sign-in
        // refused for too many failures from the address to "/login?retryAfter=<seconds>".
        return Templates.login(uri.getQueryParameters().containsKey("error"),
                minutes(uri.getQueryParameters().getFirst("retryAfter")));
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
