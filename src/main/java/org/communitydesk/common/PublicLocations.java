package org.communitydesk.common;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * With {@code communitydesk.public-base-url} set, the Location of every answer (201 Created, 303 See
 * Other) points at the public address, whatever Host the request came with: the path and query are kept,
 * the scheme, host and port (and any path prefix) are the configured ones.
 */
public class PublicLocations {

    /** Looked up per answer: RESTEasy makes the filter while Quarkus starts, before the configuration is mapped. */
    @Inject
    Instance<AppConfig> config;

    @ServerResponseFilter
    public void rewrite(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        var base = config.get().publicBaseUrl();
        if (base.isEmpty()) {
            return;
        }
        URI uri = location instanceof URI u ? u : URI.create(location.toString());
        response.getHeaders().putSingle(HttpHeaders.LOCATION, onBase(base.get(), uri));
    }

    /** The location's path and query on the public base URL. */
    public static URI onBase(URI base, URI location) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String path = location.getRawPath() == null ? "" : location.getRawPath();
        String query = location.getRawQuery() == null ? "" : "?" + location.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix + path + query);
    }
}
