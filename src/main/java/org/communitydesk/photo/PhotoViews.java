package org.communitydesk.photo;

import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.communitydesk.ticket.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies about photos. */
public final class PhotoViews {

    private PhotoViews() {
    }

    /** The path of a photo's image; PUBLIC ones open without a login. */
    public static String imagePath(String publicId) {
        return "/api/photos/" + publicId;
    }

    public static String thumbnailPath(String publicId) {
        return imagePath(publicId) + "/thumbnail";
    }

    @Schema(name = "Photo", description = "A photo of a ticket, as staff see it.")
    public record PhotoView(
            @Schema(description = "Random, unguessable id; the photo's only name in URLs.") String id,
            @Schema(description = "Its place among the ticket's photos, from 1.") long number,
            @Schema(description = "The image (JPEG, at most 2048 px on the long side).") String url,
            @Schema(description = "The thumbnail (JPEG, at most 320 px on the long side).") String thumbnailUrl,
            PhotoStep step,
            @Schema(description = "PUBLIC photos are shown to residents and reachable by their URL without a login.")
            Visibility visibility,
            String contentType, int width, int height, long byteSize,
            @Schema(description = "SHA-256 of the stored image: equal for the same photo sent twice.") String sha256,
            String addedBy, Instant addedAt) {

        static PhotoView of(Photo p, long number) {
            return new PhotoView(p.publicId, number, imagePath(p.publicId), thumbnailPath(p.publicId), p.step,
                    p.visibility, p.contentType, p.width, p.height, p.byteSize, p.sha256, p.addedBy, p.addedAt);
        }
    }

    @Schema(name = "SuggestedPosition", description = "Where the first intake photo was taken (its GPS tags), offered "
            + "because the ticket has no position; for staff only, never published.")
    public record SuggestedPosition(double latitude, double longitude, String fromPhoto) {
    }

    @Schema(name = "PhotoRemoval", description = "Why a photo is removed; the reason goes on the ticket's timeline (INTERNAL).")
    public record PhotoRemoval(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "PhotoList")
    public record PhotoList(@Schema(description = "Oldest first.") List<PhotoView> photos,
            @Schema(nullable = true) SuggestedPosition suggestedPosition) {
    }
}
