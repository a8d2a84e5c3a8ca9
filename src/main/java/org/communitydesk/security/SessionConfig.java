package org.communitydesk.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a pages' session (form login) may last. */
@ConfigMapping(prefix = "communitydesk.session")
public interface SessionConfig {

    /** From sign-in on, however active the session is; then the user signs in again. */
    @WithDefault("12h")
    Duration lifetime();

    /** Without a request for this long, the session ends. */
    @WithDefault("30m")
    Duration idleTimeout();
}
