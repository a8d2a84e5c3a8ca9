package org.communitydesk.console;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.identity.SecurityIdentity;
import org.communitydesk.common.Roles;

/** Who is signed in, for the layout's navigation and the forms' CSRF token; null on public pages. */
public record SignedIn(String username, boolean staff, boolean supervisor, boolean contractor, boolean admin,
        String csrf) {

    public boolean seesDashboard() {
        return staff || supervisor || admin;
    }

    public boolean logsCalls() {
        return staff || supervisor || admin;
    }

    @TemplateGlobal(name = "user")
    static SignedIn current() {
        // An error page for an address that matched nothing is rendered on the IO thread, where the lazily
        // authenticated identity may not be resolved (it could block): such a page shows no navigation.
        if (!Arc.container().requestContext().isActive() || io.vertx.core.Context.isOnEventLoopThread()) {
            return null;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String name = identity.getPrincipal().getName();
        return new SignedIn(name, identity.hasRole(Roles.STAFF), identity.hasRole(Roles.SUPERVISOR),
                identity.hasRole(Roles.CONTRACTOR), identity.hasRole(Roles.ADMIN),
                Arc.container().instance(CsrfTokens.class).get().tokenFor(name));
    }
}
