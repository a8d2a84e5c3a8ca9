package org.communitydesk.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where online backups of the embedded H2 database go. */
@ConfigMapping(prefix = "communitydesk.backup")
public interface BackupConfig {

    /** The directory for backup files, relative to the working directory unless absolute; made when missing. */
    @WithDefault("./backups")
    String directory();
}
