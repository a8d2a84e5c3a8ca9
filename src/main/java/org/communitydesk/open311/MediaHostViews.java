package org.communitydesk.open311;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the media hosts (ADMIN). */
public final class MediaHostViews {

    private MediaHostViews() {
    }

    /** Where an allowed host comes from. */
    @Schema(name = "Open311MediaHostSource")
    public enum Source {
        /** Added by an ADMIN through the API; an ADMIN may remove it. */
        ADMIN,
        /** Listed in the setting communitydesk.open311.media-hosts; removed only there (and a restart). */
        SETTING
    }

    @Schema(name = "Open311MediaHostRequest", description = "A host to fetch media_url from: its exact name or IPv4 "
            + "address, without scheme, port, path or wildcard.")
    public record AllowHostRequest(
            @NotNull @Size(max = MediaHost.MAX_LENGTH) @Schema(examples = "img.example.cn") String host) {
    }

    @Schema(name = "Open311MediaHost", description = "A host whose media_url the service fetches into a photo.")
    public record MediaHostView(
            @Schema(examples = "img.example.cn") String host,
            Source source,
            @Schema(description = "When an ADMIN added it; null for the setting's hosts.") Instant addedAt,
            @Schema(description = "Who added it; null for the setting's hosts.") String addedBy) {

        static MediaHostView of(MediaHost host) {
            return new MediaHostView(host.host, Source.ADMIN, host.addedAt, host.addedBy);
        }

        static MediaHostView ofSetting(String host) {
            return new MediaHostView(host, Source.SETTING, null, null);
        }
    }
}
