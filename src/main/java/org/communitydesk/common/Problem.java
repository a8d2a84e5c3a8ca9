package org.communitydesk.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json).")
public record Problem(
        @Schema(examples = "urn:communitydesk:problem:illegal-transition") String type,
        @Schema(examples = "Illegal transition") String title,
        @Schema(examples = "409") int status,
        String detail,
        @Schema(description = "The request path.") String instance,
        @Schema(description = "Field violations, for validation errors.") List<Violation> violations,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:communitydesk:problem:";

    /** Further members such as currentStatus or allowedActions, written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }
}
