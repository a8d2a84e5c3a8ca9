package org.communitydesk.security;

import jakarta.validation.constraints.Email;
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

    private static final String PASSWORD_RULES = "At least 10 characters and at most 72 bytes of UTF-8 (bcrypt reads no "
            + "further), at least 5 different characters, not the user name, and not on the shipped list of "
            + "common and breached passwords.";

    public record CreateUserRequest(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$",
                    message = "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'")
            @Schema(examples = "beixinyuan.wang") String username,
            @NotBlank @Size(max = 100) @Schema(examples = "王芳") String displayName,
            @NotNull @Schema(description = PASSWORD_RULES) String password,
            @NotNull Role role,
            @Schema(description = "For STAFF") String communityCode,
            @Schema(description = "For SUPERVISOR") String streetOfficeCode,
            @Schema(description = "For CONTRACTOR") String organizationCode) {

        @Override
        public String toString() {
            return "CreateUserRequest[" + username + ", " + role + "]";
        }
    }

    @Schema(name = "EmailRequest")
    public record EmailRequest(
            @Email @Size(max = 254) @Schema(description = "The address; null or absent removes it", examples = "wang.fang@example.cn")
            String email) {
    }

    public record PasswordRequest(@NotNull @Schema(description = PASSWORD_RULES) String password) {

        @Override
        public String toString() {
            return "PasswordRequest[redacted]";
        }
    }

    /** A user's own change of password: the current one, and the new one. */
    public record ChangePasswordRequest(@NotNull String currentPassword,
            @NotNull @Schema(description = PASSWORD_RULES) String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[redacted]";
        }
    }

    @Schema(name = "User")
    public record UserView(String username, String displayName, Role role, String communityCode,
            String streetOfficeCode, String organizationCode, boolean enabled,
            @Schema(description = "Failed sign-ins on this user name in the last hour, from every address; they delay "
                    + "further attempts from the addresses that failed, never from others") long failedSignInsLastHour,
            Instant createdAt,
            @Schema(description = "Where notifications by e-mail go (supervisors, contractors); null: none") String email) {

        static UserView of(AppUser user, long failedSignInsLastHour) {
            return new UserView(user.username, user.displayName, user.role,
                    user.community == null ? null : user.community.code,
                    user.streetOffice == null ? null : user.streetOffice.code,
                    user.organization == null ? null : user.organization.code,
                    user.enabled, failedSignInsLastHour, user.createdAt, user.email);
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
