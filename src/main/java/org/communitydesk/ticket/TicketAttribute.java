package org.communitydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.communitydesk.common.IdentityEntity;
import org.hibernate.annotations.Immutable;

/**
 * An answer to one of the service's further questions (an Open311 attribute), as given at intake. The
 * question and the chosen value's name are copied, so the ticket reads the same after the questions change.
 * A free-text answer may hold personal data: staff only, never on public endpoints or in logs.
 */
@Entity
@Immutable
@Table(name = "ticket_attribute")
public class TicketAttribute extends IdentityEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Ticket ticket;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String answer;

    /** The name of the chosen value, for list questions; null for free answers. */
    @Column(name = "answer_name")
    public String answerName;

    protected TicketAttribute() {
    }

    TicketAttribute(Ticket ticket, Answer answer) {
        this.ticket = ticket;
        this.code = answer.code();
        this.label = answer.label();
        this.answer = answer.answer();
        this.answerName = answer.answerName();
    }

    /** One answer as intake takes it: the question's code and wording, the value and, for a list, its name. */
    public record Answer(String code, String label, String answer, String answerName) {
    }
}
