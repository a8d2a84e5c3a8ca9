package org.communitydesk.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Under /api, a request that changes something (POST, PUT, PATCH, DELETE) must say
 * {@code Content-Type: application/json} (or a {@code +json} type), even when it has no body: a move
 * without a body sends {@code {}}. A browser sends that header cross-site only after a CORS preflight,
 * which this service never grants, so a page elsewhere cannot make a signed-in browser (cached Basic
 * credentials) call the API: a plain form or a no-cors fetch arrives without JSON and gets 415 before
 * anything runs. Every /api operation takes JSON, except photo uploads: multipart/form-data with the header
 * {@value #UPLOAD_HEADER}, which a cross-site form cannot add either. The pages (forms with CSRF tokens) and
 * Open311's form POST are not under /api.
 */
public class JsonOnlyApi {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Uploads (multipart/form-data) are let through with this header, which no cross-site form can send. */
    public static final String UPLOAD_HEADER = "X-Requested-With";

    @ServerRequestFilter(preMatching = true)
    public void requireJson(ContainerRequestContext request) {
        if (!CHANGING.contains(request.getMethod()) || !isApi(request.getUriInfo().getPath())) {
            return;
        }
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (isUpload(sent) && request.getHeaderString(UPLOAD_HEADER) != null) {
            // A custom header needs a CORS preflight too; the operations that take no upload refuse it with 415.
            return;
        }
        if (!isJson(sent)) {
            throw new UnsupportedMediaTypeProblem(request.getMethod(), sent);
        }
    }

    /**
     * An Accept that takes application/problem+json takes JSON: clients generated from the spec send the
     * media type of the error answers too, sometimes alone (a Python client did), and JAX-RS would refuse
     * them with 406 since operations produce application/json. Such an Accept gets application/json added
     * with the same quality, so that the answer is JSON; an Accept without any JSON type still gets 406.
     */
    @ServerRequestFilter(preMatching = true)
    public void acceptProblemJsonAsJson(ContainerRequestContext request) {
        if (!isApi(request.getUriInfo().getPath())) {
            return;
        }
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty()) {
            return;
        }
        List<String> ranges = new ArrayList<>();
        accept.forEach(value -> ranges.addAll(List.of(value.split(","))));
        List<String> added = new ArrayList<>();
        for (String range : ranges) {
            MediaType type = parse(range);
            if (type != null && Problem.MEDIA_TYPE.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
                String quality = type.getParameters().get("q");
                if (quality == null) {
                    added.add(MediaType.APPLICATION_JSON);
                } else if (!refused(quality)) {
                    // q=0 says "not this": RESTEasy would still match a JSON type carrying it.
                    added.add(MediaType.APPLICATION_JSON + ";q=" + quality.strip());
                }
            }
        }
        if (!added.isEmpty()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, String.join(",", ranges) + "," + String.join(",", added));
        }
    }

    private static boolean refused(String quality) {
        try {
            return Double.parseDouble(quality.strip()) <= 0;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    private static MediaType parse(String range) {
        try {
            return range.isBlank() ? null : MediaType.valueOf(range.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean isUpload(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType.strip());
            return "application".equalsIgnoreCase(type.getType())
                    && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** 415: the request did not say it carries JSON. */
    static final class UnsupportedMediaTypeProblem extends ProblemException {

        UnsupportedMediaTypeProblem(String method, String sent) {
            super(415, "unsupported-media-type", "Unsupported Media Type", (sent == null || sent.isBlank()
                    ? "A " + method + " under /api must send Content-Type: application/json"
                    : "A " + method + " under /api takes application/json, not " + clip(sent))
                    + "; an operation without a body sends {} with Content-Type: application/json.");
        }

        private static String clip(String sent) {
            String plain = sent.replaceAll("[\\r\\n\\t]", " ");
            return plain.length() > 80 ? plain.substring(0, 80) + "…" : plain;
        }
    }
}
