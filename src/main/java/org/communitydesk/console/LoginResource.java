package org.communitydesk.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sign-in page of form login (it posts to Quarkus' /j_security_check), and signing out. */
@Path("/")
@PermitAll
public class LoginResource {

    /** Quarkus' form-login session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

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

    /** The session lives in cookies only, so signing out is dropping them (forms of this session then expire). */
    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("login").build())
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).build(),
                        ConsoleSession.ended())
                .build();
    }
}
