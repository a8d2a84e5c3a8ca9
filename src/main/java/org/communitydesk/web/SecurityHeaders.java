package org.communitydesk.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Headers that keep the pages from being framed, sniffed or leaking their URLs, on every answer (pages,
 * API, error answers alike). The pages run no inline script, so the policy allows only our own files.
 * Over HTTPS (directly, or as the trusted proxy says with X-Forwarded-Proto), every cookie set through a
 * JAX-RS response is marked {@code Secure} here (the few set through Vert.x mark themselves), so a session
 * never travels over plain HTTP.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI (opt-in) is Quarkus' page with its own inline script; it keeps the other headers. */
    private static final String SWAGGER_UI = "/q/swagger-ui";

    void install(@Observes Router router) {
        router.route().order(-30).handler(context -> {
            context.addHeadersEndHandler(ignored -> addTo(context));
            context.next();
        });
    }

    private static void addTo(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (!context.request().path().startsWith(SWAGGER_UI)) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (context.request().isSSL()) {
            List<String> cookies = headers.getAll("Set-Cookie");
            if (!cookies.isEmpty()) {
                headers.remove("Set-Cookie");
                for (String cookie : cookies) {
                    headers.add("Set-Cookie", secure(cookie));
                }
            }
        }
    }

    static String secure(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie + "; Secure";
    }
}
