package org.communitydesk.notification;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.communitydesk.common.ConflictProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.LogSafe;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.common.PageResponse;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.notification.NotificationViews.NotificationView;
import org.communitydesk.notification.NotificationViews.TargetRequest;
import org.communitydesk.notification.NotificationViews.TargetView;
import org.communitydesk.notification.NotificationViews.WebhookRequest;
import org.communitydesk.notification.NotificationViews.WebhookView;
import org.jboss.logging.Logger;

/** What operators do with notifications: list them, retry failed ones, register where organizations are reached. */
@ApplicationScoped
@Transactional
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    static final int MAX_SIZE = 100;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    /** Whether delivery is failing, for the dashboard: messages given up in the last day, the oldest unsent one. */
    public record DeliveryHealth(long failedLastDay, long oldestUnsentMinutes, boolean late) {

        public boolean failing() {
            return failedLastDay > 0 || late;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryHealth health() {
        java.time.Instant now = clock.instant();
        // A FAILED message keeps the time of its last attempt's claim in next_attempt_at.
        long failed = Notification.count("state = ?1 and nextAttemptAt >= ?2", NotificationState.FAILED,
                now.minus(java.time.Duration.ofDays(1)));
        java.time.Instant oldest = Notification.getEntityManager()
                .createQuery("select min(n.createdAt) from Notification n where n.state = :pending", java.time.Instant.class)
                .setParameter("pending", NotificationState.PENDING).getSingleResult();
        long minutes = oldest == null ? 0 : Math.max(0, java.time.Duration.between(oldest, now).toMinutes());
        boolean late = oldest != null && java.time.Duration.between(oldest, now).compareTo(config.warnAfter()) > 0;
        return new DeliveryHealth(failed, minutes, late);
    }

    /** Newest first, filtered by any of state, ticket, audience and channel. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<NotificationView> list(NotificationState state, String ticketCode, Audience audience,
            ChannelKind channel, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            where.add("state = :state");
            params.put("state", state);
        }
        if (ticketCode != null && !ticketCode.isBlank()) {
            where.add("ticketCode = :ticket");
            params.put("ticket", ticketCode.strip());
        }
        if (audience != null) {
            where.add("audience = :audience");
            params.put("audience", audience);
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.put("channel", channel);
        }
        int pageSize = Math.min(size, MAX_SIZE);
        var query = Notification.<Notification>find(String.join(" and ", where), Sort.descending("id"), params)
                .page(Page.of(page, pageSize));
        return new PageResponse<>(query.list().stream().map(NotificationView::of).toList(), page, pageSize, query.count());
    }

    /** A FAILED message goes out again from now, with a fresh day of retries. Others are refused with 409. */
    public NotificationView retry(long id, String by) {
        Notification message = Notification.<Notification>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("notification", String.valueOf(id)));
        if (message.state != NotificationState.FAILED) {
            throw new ConflictProblem("Notification " + id + " is " + message.state + "; only FAILED ones are retried.");
        }
        message.retry(clock.instant());
        LOG.infof("Notification %d (%s, ticket %s) put back to PENDING by %s.", id, message.kind, message.ticketCode,
                LogSafe.of(by));
        return NotificationView.of(message);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetView> targets() {
        return NotificationTarget.<NotificationTarget>list("audience <> ?1", Sort.by("id"), Audience.INTEGRATION).stream()
                .map(TargetView::of).toList();
    }

    public TargetView addTarget(TargetRequest request, String by) {
        String owner = request.ownerCode().strip();
        boolean known = request.audience() == Audience.ORGANIZATION ? Organization.findByCode(owner).isPresent()
                : request.audience() == Audience.SUPERVISOR
                        && Area.findByCode(owner).filter(a -> a.level == AreaLevel.STREET_OFFICE).isPresent();
        if (!known) {
            throw new InvalidRequestProblem("ownerCode", request.audience() == Audience.SUPERVISOR
                    ? "No street office with code '" + owner + "'." : request.audience() == Audience.ORGANIZATION
                            ? "No organization with code '" + owner + "'." : "Targets are for ORGANIZATION or SUPERVISOR.");
        }
        if (request.channel() != ChannelKind.WECOM && request.channel() != ChannelKind.DINGTALK) {
            throw new InvalidRequestProblem("channel", "Targets are WECOM or DINGTALK group robots.");
        }
        URI url;
        try {
            url = URI.create(request.address().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("address", "Not a URL.");
        }
        String refusal = WebAddresses.refusal(url, config.allowPrivateAddresses());
        if (refusal != null) {
            throw new InvalidRequestProblem("address", refusal);
        }
        String secret = request.secret() == null || request.secret().isBlank() ? null : request.secret().strip();
        NotificationTarget target = new NotificationTarget(request.audience(), owner, request.channel(), url.toString(),
                secret, Boolean.TRUE.equals(request.personalData()));
        target.persist();
        LOG.infof("Notification target %d (%s %s, %s at %s) added by %s.", target.id, target.audience, owner,
                target.channel, HttpPoster.hostOf(url), LogSafe.of(by));
        return TargetView.of(target);
    }

    public void removeTarget(long id, String by) {
        if (!NotificationTarget.deleteById(id)) {
            throw new NotFoundProblem("notification target", String.valueOf(id));
        }
        LOG.infof("Notification target %d removed by %s.", id, LogSafe.of(by));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> webhooks() {
        return NotificationTarget.<NotificationTarget>list("audience", Sort.by("id"), Audience.INTEGRATION).stream()
                .map(t -> WebhookView.of(t, null)).toList();
    }

    /** Registers a webhook; a secret made up here is in this answer only. */
    public WebhookView addWebhook(WebhookRequest request, String by) {
        List<String> events = request.events().stream().map(e -> e == null ? "" : e.strip().toUpperCase()).distinct()
                .toList();
        for (String event : events) {
            if (!WebhookEvents.TYPES.contains(event)) {
                throw new InvalidRequestProblem("events", "Unknown event type '" + event + "'; one of "
                        + String.join(", ", WebhookEvents.TYPES) + ".");
            }
        }
        String organization = request.organizationCode() == null || request.organizationCode().isBlank() ? null
                : request.organizationCode().strip();
        if (organization != null && Organization.findByCode(organization).isEmpty()) {
            throw new InvalidRequestProblem("organizationCode", "No organization with code '" + organization + "'.");
        }
        boolean personalData = Boolean.TRUE.equals(request.personalData());
        if (personalData && organization == null) {
            throw new InvalidRequestProblem("personalData",
                    "Callers' data goes only to a webhook that speaks for an organization (organizationCode).");
        }
        URI url = checkedUrl(request.url());
        String made = null;
        String secret = request.secret() == null ? null : request.secret().strip();
        if (secret == null || secret.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = made = HexFormat.of().formatHex(random);
        }
        NotificationTarget webhook = NotificationTarget.webhook(request.name().strip(), url.toString(), secret, events,
                organization, personalData);
        webhook.persist();
        LOG.infof("Webhook %d (%s, %s at %s) added by %s.", webhook.id, LogSafe.of(webhook.ownerCode), webhook.eventTypes,
                HttpPoster.hostOf(url), LogSafe.of(by));
        return WebhookView.of(webhook, made);
    }

    public void removeWebhook(long id, String by) {
        if (NotificationTarget.delete("id = ?1 and audience = ?2", id, Audience.INTEGRATION) == 0) {
            throw new NotFoundProblem("webhook", String.valueOf(id));
        }
        LOG.infof("Webhook %d removed by %s.", id, LogSafe.of(by));
    }

    private URI checkedUrl(String address) {
        URI url;
        try {
            url = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("url", "Not a URL.");
        }
        String refusal = WebAddresses.refusal(url, config.allowPrivateAddresses());
        if (refusal != null) {
            throw new InvalidRequestProblem("url", refusal);
        }
        return url;
    }
}
