package org.communitydesk.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers that keep the pages from being framed, sniffed or leaking their URLs, on every answer (pages,
 * API, error answers alike). The pages run no inline script, so the policy allows only our own files.
 * Over HTTPS (directly, or as the trusted proxy says with X-Forwarded-Proto), every cookie set through a
 * JAX-RS response is marked {@code Secure} here (the few set through Vert.x mark themselves), so a session
 * never travels over plain HTTP. The map tiles' host (communitydesk.map.tiles and .labels) is the one foreign
 * source allowed, for images only.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @ConfigProperty(name = "communitydesk.map.tiles")
    Optional<String> tiles;

    @ConfigProperty(name = "communitydesk.map.labels")
    Optional<String> labels;

    private String policy = CONTENT_SECURITY_POLICY;

    /** Swagger UI (opt-in) is Quarkus' page with its own inline script; it keeps the other headers. */
    private static final String SWAGGER_UI = "/q/swagger-ui";

    void install(@Observes Router router) {
        policy = policy(tileSources(tiles), tileSources(labels));
        router.route().order(-30).handler(context -> {
            context.addHeadersEndHandler(ignored -> addTo(context));
            context.next();
        });
    }

    /** The policy with the tile hosts added to img-src (nothing else of theirs is loaded). */
    static String policy(String... tileSources) {
        StringBuilder images = new StringBuilder("img-src 'self' data:");
        for (String source : tileSources) {
            if (!source.isEmpty() && images.indexOf(" " + source) < 0) {
                images.append(' ').append(source);
            }
        }
        return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", images);
    }

    /**
     * The CSP source of a tile URL template: its scheme and host, with a {s} label (t{s}.tianditu.gov.cn) as the
     * wildcard *.tianditu.gov.cn; empty for a relative template, "none" or anything unreadable.
     */
    static String tileSources(Optional<String> template) {
        String t = template.map(String::strip).orElse("");
        int scheme = t.indexOf("://");
        if (scheme <= 0 || !(t.startsWith("https://") || t.startsWith("http://"))) {
            return "";
        }
        int end = t.indexOf('/', scheme + 3);
        String host = t.substring(scheme + 3, end < 0 ? t.length() : end);
        int query = host.indexOf('?');
        host = query < 0 ? host : host.substring(0, query);
        int firstDot = host.indexOf('.');
        if (host.contains("{s}")) {
            if (firstDot < 0 || host.indexOf("{s}") > firstDot) {
                return "";
            }
            host = "*" + host.substring(firstDot);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.*:\\-]+") || host.contains("{")) {
            return "";
        }
        return t.substring(0, scheme + 3) + host;
    }

    private void addTo(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (!context.request().path().startsWith(SWAGGER_UI)) {
            headers.set("Content-Security-Policy", policy);
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
