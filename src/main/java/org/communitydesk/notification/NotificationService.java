package org.communitydesk.notification;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
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
        return NotificationTarget.<NotificationTarget>listAll(Sort.by("id")).stream().map(TargetView::of).toList();
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
}
