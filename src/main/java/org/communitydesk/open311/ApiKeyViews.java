package org.communitydesk.open311;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the API-key endpoints (ADMIN). */
public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    @Schema(name = "Open311KeyRequest", description = "Who holds the new key: an organization of ours, "
            + "a named application, or both.")
    public record IssueKeyRequest(
            @Size(max = 40) @Schema(examples = "pingcheng-sanitation") String organizationCode,
            @Size(max = 100) @Schema(examples = "平城区 12345 热线小程序") String application,
            @Schema(description = "Whether answers to this key's POSTs carry the resident's access code; "
                    + "only for apps the residents themselves use. Defaults to false.") Boolean revealsAccessCode) {
    }

    @Schema(name = "Open311Key", description = "An API key, without its secret.")
    public record ApiKeyView(
            @Schema(description = "The key's first characters: names it, and cannot be used as it.",
                    examples = "cd311_Xq3vT9aB") String prefix,
            String organizationCode,
            String organizationName,
            String application,
            boolean revealsAccessCode,
            boolean active,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            String revokedBy,
            Instant lastUsedAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.prefix, key.organization == null ? null : key.organization.code,
                    key.organization == null ? null : key.organization.nameZh, key.application,
                    key.revealsAccessCode, key.isActive(), key.createdAt, key.createdBy, key.revokedAt,
                    key.revokedBy, key.lastUsedAt);
        }
    }

    @Schema(name = "IssuedOpen311Key", description = "A new key. apiKey is shown this once; only its hash is kept.")
    public record IssuedKeyView(
            @Schema(description = "The key, for the api_key field of POST requests.") String apiKey,
            ApiKeyView key) {

        @Override
        public String toString() {
            return "IssuedKeyView[" + key.prefix() + ", redacted]";
        }
    }
}
