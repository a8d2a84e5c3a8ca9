package org.communitydesk.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the notifications API. */
public final class NotificationViews {

    private NotificationViews() {
    }

    @Schema(name = "Notification", description = "One message in the outbox. Phones are masked, robot URLs cut to their host; "
            + "the text of a resident's first message shows its access code as [access-code].")
    public record NotificationView(long id, String ticketCode, String kind, Audience audience, ChannelKind channel,
            @Schema(description = "Masked phone, or the host of a robot or webhook") String recipient,
            NotificationState state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
            String lastError, String idempotencyKey, String text) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.ticketCode, n.kind, n.audience, n.channel, recipientShown(n), n.state,
                    n.attempts, n.createdAt, n.state == NotificationState.PENDING ? n.nextAttemptAt : null, n.sentAt,
                    n.lastError, n.idempotencyKey, n.body);
        }

        private static String recipientShown(Notification n) {
            String described = Delivery.describe(n);
            return described.substring(described.indexOf(' ') + 1);
        }
    }

    @Schema(name = "NotificationTarget", description = "Where an organization or a street office's supervisors are reached.")
    public record TargetView(long id, Audience audience, String ownerCode, ChannelKind channel,
            @Schema(description = "The host only: a robot's URL carries its access token") String address,
            boolean hasSecret, boolean personalData) {

        static TargetView of(NotificationTarget t) {
            String shown = t.channel == ChannelKind.EMAIL ? t.address : hostOnly(t.address);
            return new TargetView(t.id, t.audience, t.ownerCode, t.channel, shown, t.secret != null, t.personalData);
        }

        static String hostOnly(String url) {
            try {
                return HttpPoster.hostOf(java.net.URI.create(url));
            } catch (IllegalArgumentException e) {
                return "(invalid URL)";
            }
        }
    }

    @Schema(name = "NotificationTargetRequest")
    public record TargetRequest(
            @NotNull @Schema(description = "ORGANIZATION (owner: an organization's code) or SUPERVISOR (a street office's code)")
            Audience audience,
            @NotBlank @Size(max = 40) @Schema(examples = "tongda-dredging") String ownerCode,
            @NotNull @Schema(description = "WECOM or DINGTALK (group robots)") ChannelKind channel,
            @NotBlank @Size(max = 500) @Schema(description = "The robot's webhook URL, http(s), never a private address",
                    examples = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...") String address,
            @Size(max = 200) @Schema(description = "DingTalk's signing secret (SEC...), if the robot signs") String secret,
            @Schema(description = "Send the caller's name and phone here when this organization leads the ticket (default false)")
            Boolean personalData) {

        @Override
        public String toString() {
            return "TargetRequest[" + audience + ", " + ownerCode + ", " + channel + ", redacted]";
        }
    }

    @Schema(name = "WebhookRequest", description = "A signed webhook for an integration and the event types it wants.")
    public record WebhookRequest(
            @NotBlank @Size(max = 40) @Schema(description = "A name for the integration", examples = "city-12345") String name,
            @NotBlank @Size(max = 500) @Schema(description = "http(s); never a loopback or private-range address",
                    examples = "https://hotline.example.cn/hooks/communitydesk") String url,
            @NotNull @Size(min = 1, max = 12) @Schema(description = "Any of REPORTED, DISPATCHED, REASSIGNED, STARTED, "
                    + "RESOLVED, CLOSED, CANCELLED, REOPENED, FEEDBACK, NOTE, AT_RISK, OVERDUE, EXTENSION_REQUESTED, URGED") List<String> events,
            @Size(min = 16, max = 200) @Schema(description = "The signing secret; one is made up and shown once when absent")
            String secret,
            @Size(max = 40) @Schema(description = "The organization this integration speaks for, if any") String organizationCode,
            @Schema(description = "Send the caller's name and phone when that organization leads the ticket (default false)")
            Boolean personalData) {

        @Override
        public String toString() {
            return "WebhookRequest[" + name + ", " + events + ", redacted]";
        }
    }

    @Schema(name = "Webhook")
    public record WebhookView(long id, String name,
            @Schema(description = "Scheme, host and port only") String url, List<String> events,
            String organizationCode, boolean personalData,
            @Schema(description = "Only in the answer that registered it, when the secret was made up here") String secret) {

        static WebhookView of(NotificationTarget t, String newSecret) {
            return new WebhookView(t.id, t.ownerCode, TargetView.hostOnly(t.address), t.eventTypeList(), t.organizationCode,
                    t.personalData, newSecret);
        }
    }
}
