package org.communitydesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import org.communitydesk.common.IdentityEntity;

/** Where an organization (its code) or a street office's supervisors (the street office's code) are reached. */
@Entity
@Table(name = "notification_target")
public class NotificationTarget extends IdentityEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(name = "owner_code", nullable = false)
    public String ownerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelKind channel;

    @Column(nullable = false)
    public String address;

    /** DingTalk's signing secret; null for the others. */
    public String secret;

    /** The caller's name and phone may go here, when this target's organization leads the ticket. */
    @Column(name = "personal_data", nullable = false)
    public boolean personalData;

    /** A webhook's event types, comma-separated ({@link WebhookEvents}); null for robots. */
    @Column(name = "event_types")
    public String eventTypes;

    /** The organization a webhook speaks for: callers' data only when it leads the ticket; null for most. */
    @Column(name = "organization_code")
    public String organizationCode;

    protected NotificationTarget() {
    }

    public NotificationTarget(Audience audience, String ownerCode, ChannelKind channel, String address, String secret,
            boolean personalData) {
        this.audience = audience;
        this.ownerCode = ownerCode;
        this.channel = channel;
        this.address = address;
        this.secret = secret;
        this.personalData = personalData;
    }

    static NotificationTarget webhook(String name, String url, String secret, List<String> eventTypes,
            String organizationCode, boolean personalData) {
        NotificationTarget target = new NotificationTarget(Audience.INTEGRATION, name, ChannelKind.WEBHOOK, url, secret,
                personalData);
        target.eventTypes = String.join(",", eventTypes);
        target.organizationCode = organizationCode;
        return target;
    }

    List<String> eventTypeList() {
        return eventTypes == null || eventTypes.isBlank() ? List.of() : List.of(eventTypes.split(","));
    }

    /** The webhooks that want an event type. */
    static List<NotificationTarget> webhooksFor(String eventType) {
        return NotificationTarget.<NotificationTarget>list("audience = ?1 order by id", Audience.INTEGRATION).stream()
                .filter(t -> t.eventTypeList().contains(eventType)).toList();
    }

    static List<NotificationTarget> of(Audience audience, String ownerCode) {
        return list("audience = ?1 and ownerCode = ?2 order by id", audience, ownerCode);
    }
}
