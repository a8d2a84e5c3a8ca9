package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;

/** A further call about a problem that already has a ticket. Holds personal data: never log it. */
@Entity
@Table(name = "ticket_report")
public class TicketReport extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @Column(name = "reporter_name", nullable = false)
    public String reporterName;

    @Column(name = "reporter_phone")
    public String reporterPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public String note;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    protected TicketReport() {
    }

    TicketReport(Ticket ticket, Reporter reporter, Channel channel, String note, Instant at) {
        this.ticket = ticket;
        this.reporterName = reporter.name();
        this.reporterPhone = reporter.phone();
        this.channel = channel;
        this.note = note;
        this.reportedAt = at;
    }
}
