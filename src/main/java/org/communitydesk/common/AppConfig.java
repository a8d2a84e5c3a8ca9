package org.communitydesk.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** CommunityDesk's own settings, under the {@code communitydesk} prefix. */
@ConfigMapping(prefix = "communitydesk")
public interface AppConfig {

    /** The installation's time zone, for local days and years (tracking codes, pages, reports). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Demo demo();

    interface Demo {
        /** Load the seed stories as tickets at start-up when the database has no tickets yet. */
        @WithName("enabled")
        @WithDefault("false")
        boolean enabled();
    }
}
