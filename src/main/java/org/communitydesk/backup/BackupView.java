package org.communitydesk.backup;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backup just written: where it is, how big, and how long it took. */
@Schema(name = "Backup")
public record BackupView(
        @Schema(description = "The file name, in the backup directory", examples = "communitydesk-20261201-173500-123.zip")
        String file,
        @Schema(description = "The backup directory on the server (communitydesk.backup.directory), as an absolute path")
        String directory,
        @Schema(description = "Size of the ZIP file in bytes") long sizeBytes,
        @Schema(description = "When the backup started; it holds the data committed by then") Instant createdAt,
        long durationMillis,
        @Schema(description = "Photo files copied into the ZIP under photos/ (filesystem store; 0 with the S3 store, "
                + "whose bucket is backed up on its own)") long photoFiles) {
}
