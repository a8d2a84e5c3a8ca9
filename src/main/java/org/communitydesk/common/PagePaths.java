package org.communitydesk.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages people open in a browser (the console and the dashboard), as opposed to the JSON API: a page
 * that needs a sign-in sends the browser to {@code /login?next=…} and, after the sign-in, back to itself.
 * Only a local page path is ever taken as {@code next}, so the sign-in can never lead to another site.
 */
public final class PagePaths {

    public static final String NEXT = "next";
    private static final List<String> PREFIXES = List.of("/console", "/dashboard");
    /** Pages outside the console that need no sign-in. */
    private static final List<String> HTML_PAGES = List.of("/", "/login", "/status", "/logout");
    /** A form of a ticket's page posts to /console/tickets/{code}/{action}; the page to come back to is the ticket's. */
    private static final Pattern TICKET_ACTION = Pattern.compile("(/console/tickets/[^/]+)/[^/]+");
    private static final Pattern SAFE = Pattern.compile("/[\\p{L}\\p{N}/._~%!$&'()*+,;=:@?-]*");

    private PagePaths() {
    }

    /** Answers for machines (the API, Open311, Quarkus' endpoints, the form sign-in) stay as they are. */
    private static final List<String> MACHINE_PREFIXES = List.of("/api/", "/open311/", "/q/", "/j_security_check");

    /**
     * Whether an error here goes to a person in a browser (the pages, the status page, a mistyped address),
     * who gets an HTML page, rather than to a program, which gets problem+json.
     */
    static boolean showsHtmlErrors(UriInfo uri) {
        if (uri == null) {
            return false;
        }
        String path = path(uri.getPath());
        if (path.equals("/api") || MACHINE_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        // Our pages always; any other address (a mistyped one) when a browser asks, as browsers ask for HTML.
        return isPage(path) || HTML_PAGES.contains(path) || acceptsHtml();
    }

    private static boolean acceptsHtml() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        var request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        String accept = request == null ? null : request.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static boolean isPage(String path) {
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** 303 to the sign-in page, remembering the page: the one asked for, or for a form post the page of the form. */
    static Response toLogin(UriInfo uri, Request request) {
        String path = path(uri.getPath());
        String method = request == null ? "GET" : request.getMethod();
        String back;
        if ("GET".equals(method) || "HEAD".equals(method)) {
            String query = uri.getRequestUri().getRawQuery();
            back = query == null ? path : path + "?" + query;
        } else {
            var action = TICKET_ACTION.matcher(path);
            back = action.matches() ? action.group(1) : path;
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("login").queryParam(NEXT, "{next}").build(back)).build();
    }

    /**
     * The page to return to after signing in, if {@code next} is one of our pages given as a local path
     * (no scheme, no host, no {@code //} or backslash tricks); otherwise nothing.
     */
    public static Optional<String> localPage(String next) {
        if (next == null || next.length() > 2000 || next.startsWith("//") || next.contains("/..")
                || !SAFE.matcher(next).matches()) {
            return Optional.empty();
        }
        int query = next.indexOf('?');
        return isPage(query < 0 ? next : next.substring(0, query)) ? Optional.of(next) : Optional.empty();
    }

    private static String path(String path) {
        return path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    }
}
