package org.communitydesk.common;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /q/metrics} (named policy {@value #NAME}, applied in application.properties): a client
 * from one of {@code communitydesk.metrics.allowed-addresses} (the monitoring server; loopback by default),
 * or a signed-in ADMIN. Anyone else gets 401 (no credentials) or 403. The metrics hold no personal data, but
 * they show the load, the jobs and the failures of the service, which is nobody else's business.
 */
@ApplicationScoped
public class MetricsAccess implements HttpSecurityPolicy {

    static final String NAME = "metrics";

    @ConfigProperty(name = "communitydesk.metrics.allowed-addresses", defaultValue = "127.0.0.1,::1,0:0:0:0:0:0:0:1")
    List<String> allowedAddresses;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        var remote = request.request().remoteAddress();
        if (remote != null && Set.copyOf(allowedAddresses).contains(remote.hostAddress())) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(who -> !who.isAnonymous() && who.hasRole(Roles.ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
