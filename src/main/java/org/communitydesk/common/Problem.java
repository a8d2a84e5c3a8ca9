package org.communitydesk.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json). Besides the standard "
        + "members, some types carry extension members, listed here with the types that send them; a client should "
        + "ignore members it does not know.",
        requiredProperties = { "type", "title", "status", "detail" },
        properties = {
                @SchemaProperty(name = "currentStatus", type = SchemaType.STRING, examples = "RESOLVED",
                        description = "illegal-transition: the ticket's status now."),
                @SchemaProperty(name = "attempted", type = SchemaType.STRING, examples = "start",
                        description = "illegal-transition: the move refused, named as in its path."),
                @SchemaProperty(name = "allowedActions", type = SchemaType.ARRAY, implementation = String.class,
                        description = "illegal-transition: the moves allowed from the current status."),
                @SchemaProperty(name = "currentVersion", type = SchemaType.INTEGER, format = "int64", examples = "3",
                        description = "stale-version: the ticket's version now; its ETag is this number in quotes."),
                @SchemaProperty(name = "resource", type = SchemaType.STRING, examples = "ticket",
                        description = "not-found: what kind of thing was looked for."),
                @SchemaProperty(name = "code", type = SchemaType.STRING,
                        description = "not-found: the code that was looked for."),
                @SchemaProperty(name = "line", type = SchemaType.INTEGER, format = "int32", examples = "3",
                        description = "invalid-request of a calendar import: the file's line at fault, counted from 1."),
                @SchemaProperty(name = "reason", type = SchemaType.STRING,
                        description = "backup-unavailable: why no online backup can be taken now."),
                @SchemaProperty(name = "errorId", type = SchemaType.STRING,
                        description = "internal (500): the id under which the server logged the error.") })
public record Problem(
        @Schema(examples = "urn:communitydesk:problem:illegal-transition", description = "urn:communitydesk:problem: "
                + "followed by one of validation, invalid-request, malformed-json, malformed-form, unauthorized, "
                + "forbidden, not-found, illegal-transition, concurrent-change, busy, conflict, stale-version, "
                + "feedback-*, too-many-lookups, too-many-sign-ins, unsupported-media-type, backup-unavailable, "
                + "internal, or a slug of the HTTP reason phrase (not-acceptable, method-not-allowed, …).") String type,
        @Schema(examples = "Illegal transition") String title,
        @Schema(examples = "409") int status,
        String detail,
        @Schema(description = "The request path.") String instance,
        @Schema(description = "validation, invalid-request: the fields at fault.") List<Violation> violations,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:communitydesk:problem:";

    /** Further members such as currentStatus or allowedActions, written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }
}
