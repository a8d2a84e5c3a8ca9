package org.communitydesk.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: no-store} on every answer to a request that carries credentials (HTTP Basic or the
 * pages' sign-in cookie): ticket views, lists, exports and pages hold callers' names and phones, which no
 * browser cache, shared computer or proxy may keep. Answers that set their own Cache-Control keep it. The
 * residents' status answers set no-store themselves; the public reference reads may be cached.
 */
public class NoStoreForSignedIn {

    static final String SESSION_COOKIE = "quarkus-credential";

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        boolean signedIn = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey(SESSION_COOKIE);
        if (signedIn && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
