package org.communitydesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.common.NativeWrites;
import org.hibernate.annotations.Immutable;

/** One line of the security log, shown to ADMIN at /api/audit. Never holds a password. */
@Entity
@Immutable
@Table(name = "security_event")
public class SecurityEvent extends IdentityEntity {

    @Column(nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SecurityEventType type;

    /** The account the event is about (for a failed sign-in, the name that was tried). */
    @Column(nullable = false)
    public String username;

    /** Who caused it, for changes to users. */
    public String actor;

    public String detail;

    protected SecurityEvent() {
    }

    /** Housekeeping: removes the events older than the retention time; native SQL, as the entity is immutable. */
    public static long deleteOlderThan(Instant cutoff) {
        return NativeWrites.to(getEntityManager(), "security_event", "DELETE FROM security_event WHERE occurred_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    static SecurityEvent record(SecurityEventType type, String username, String actor, String detail, Instant at) {
        SecurityEvent event = new SecurityEvent();
        event.type = type;
        event.username = username.length() > 64 ? username.substring(0, 64) : username;
        event.actor = actor;
        event.detail = detail;
        event.occurredAt = at;
        event.persist();
        return event;
    }
}
