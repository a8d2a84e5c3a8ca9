package org.communitydesk.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** CommunityDesk's own settings, under the {@code communitydesk} prefix. */
@ConfigMapping(prefix = "communitydesk")
public interface AppConfig {

    /** The installation's time zone, for local days and years (tracking codes, pages, reports). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Demo demo();

    Admin admin();

    interface Admin {
        /** User name of the first administrator, created at start-up when the database has no users. */
        @WithDefault("admin")
        String username();

        /** Password of the first administrator (COMMUNITYDESK_ADMIN_PASSWORD); never has a default. */
        Optional<String> password();
    }

    interface Demo {
        /** Load the seed stories as tickets at start-up when the database has no tickets yet. */
        @WithName("enabled")
        @WithDefault("false")
        boolean enabled();
    }
}
