package org.communitydesk.common;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Answers only for the host names the operator configured, so that a forged {@code Host: evil.example}
 * never becomes part of a URL we write: a Location, the login redirects of Quarkus' form sign-in, the
 * Open311 discovery document. The names are the host of {@code communitydesk.public-base-url} and
 * {@code communitydesk.allowed-hosts}; with neither set, only the loopback names. Health checks
 * ({@code /q/health}) are answered whatever the Host, since orchestrators probe by address and the
 * answer holds no URL. Any other request with another Host gets a problem+json 400 that says what to set.
 */
@ApplicationScoped
public class HostCheck {

    private static final Logger LOG = Logger.getLogger(HostCheck.class);
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    @Inject
    AppConfig config;

    private final AtomicBoolean warned = new AtomicBoolean();

    void install(@Observes Router router) {
        Set<String> allowed = allowedHosts(config);
        router.route().order(-20).handler(context -> {
            String host = hostName(context.request().host());
            if (host != null && allowed.contains(host) || context.request().path().startsWith("/q/health")) {
                context.next();
                return;
            }
            if (warned.compareAndSet(false, true)) {
                LOG.warnf("Refused a request for host '%s' with 400: this service answers only for %s. If that is "
                        + "the address people use, set communitydesk.public-base-url (or add the name to "
                        + "communitydesk.allowed-hosts). Further refusals are not logged.", LogSafe.of(host), allowed);
            }
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(new JsonObject()
                            .put("type", Problem.TYPE_PREFIX + "unknown-host")
                            .put("title", "Unknown host")
                            .put("status", 400)
                            .put("detail", "This service does not answer for the host name in the request. Operators: "
                                    + "set communitydesk.public-base-url or communitydesk.allowed-hosts.")
                            .encode());
        });
    }

    static Set<String> allowedHosts(AppConfig config) {
        Set<String> allowed = new TreeSet<>();
        config.publicBaseUrl().map(java.net.URI::getHost).map(HostCheck::normalise).ifPresent(allowed::add);
        config.allowedHosts().ifPresent(hosts -> hosts.stream().map(HostCheck::normalise).forEach(allowed::add));
        if (allowed.isEmpty()) {
            allowed.addAll(LOOPBACK);
        }
        return Set.copyOf(allowed);
    }

    /** The host name of a Host header, without the port, lower case; IPv6 literals without brackets. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String host = header.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : normalise(host.substring(1, end));
        }
        int colon = host.lastIndexOf(':');
        return normalise(colon < 0 ? host : host.substring(0, colon));
    }

    private static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
