package org.communitydesk.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the user and audit endpoints. */
public final class UserViews {

    private UserViews() {
    }

    static final int MIN_PASSWORD = 10;
    /** bcrypt reads at most 72 bytes. */
    static final int MAX_PASSWORD = 72;

    public record CreateUserRequest(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$",
                    message = "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
            @Schema(examples = "beixinyuan.wang") String username,
            @NotBlank @Size(max = 100) @Schema(examples = "王芳") String displayName,
            @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password,
            @NotNull Role role,
            @Schema(description = "For STAFF") String communityCode,
            @Schema(description = "For SUPERVISOR") String streetOfficeCode,
            @Schema(description = "For CONTRACTOR") String organizationCode) {

        @Override
        public String toString() {
            return "CreateUserRequest[" + username + ", " + role + "]";
        }
    }

    public record PasswordRequest(@NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {

        @Override
        public String toString() {
            return "PasswordRequest[redacted]";
        }
    }

    @Schema(name = "User")
    public record UserView(String username, String displayName, Role role, String communityCode,
            String streetOfficeCode, String organizationCode, boolean enabled,
            @Schema(description = "Set while the account is locked after repeated failed sign-ins") Instant lockedUntil,
            int failedLogins, Instant createdAt) {

        static UserView of(AppUser user) {
            return new UserView(user.username, user.displayName, user.role,
                    user.community == null ? null : user.community.code,
                    user.streetOffice == null ? null : user.streetOffice.code,
                    user.organization == null ? null : user.organization.code,
                    user.enabled, user.lockedUntil, user.failedLogins, user.createdAt);
        }
    }

    @Schema(name = "CurrentUser")
    public record CurrentUserView(String username, String displayName, Role role, String scope) {
    }

    @Schema(name = "SecurityEvent")
    public record SecurityEventView(long id, Instant occurredAt, SecurityEventType type, String username,
            String actor, String detail) {

        static SecurityEventView of(SecurityEvent event) {
            return new SecurityEventView(event.id, event.occurredAt, event.type, event.username, event.actor,
                    event.detail);
        }
    }
}
