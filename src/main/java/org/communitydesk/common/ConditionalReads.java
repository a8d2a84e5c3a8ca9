package org.communitydesk.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * ETag and If-None-Match for the reads marked {@link ConditionalRead}. The tag is a digest of the JSON the
 * read answers, so it changes whenever anything in it does (a ticket's overdue flag, its access blocks, a
 * renamed organization), not only when a version does; an ETag the resource set already (a ticket's
 * version, {@code "7"}) stays in front ({@code "7-…"}) so that it still serves If-Match. A matching
 * If-None-Match (weak comparison, RFC 9110 13.1.2) answers a GET with 304 without a body. A change marked
 * so (a ticket's move) gets the same tag as a read of the same state would, so that a client can keep it.
 */
@Provider
@ConditionalRead
public class ConditionalReads implements ContainerResponseFilter {

    @Inject
    SerialisedAnswers serialised;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        // Serialised once: the answer is written from the bytes the tag was computed from.
        SerialisedAnswers.Serialised answer = serialised.of(response.getEntity());
        response.setEntity(answer.json(), response.getEntityAnnotations(), response.getMediaType());
        String digest = answer.digest();
        String given = response.getHeaderString(HttpHeaders.ETAG);
        String tag = given != null && given.length() > 2 && given.startsWith("\"") && given.endsWith("\"")
                ? given.substring(0, given.length() - 1) + "-" + digest + "\""
                : "\"" + digest + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (read && ifNoneMatch != null && matchesWeakly(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** Weak comparison: W/ is ignored on both sides; "*" matches any current representation. */
    static boolean matchesWeakly(String ifNoneMatch, String tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || opaque(value).equals(opaque(tag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
