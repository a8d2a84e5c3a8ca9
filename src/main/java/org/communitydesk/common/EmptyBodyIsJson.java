package org.communitydesk.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST without a body and without a Content-Type (curl -X POST …/start) is read as an empty JSON
 * body, so that moves whose body is optional do not answer 415.
 */
public class EmptyBodyIsJson {

    @ServerRequestFilter(preMatching = true)
    public void defaultContentType(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String chunked = request.getHeaderString("Transfer-Encoding");
        if ((length == null || "0".equals(length.strip())) && chunked == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
