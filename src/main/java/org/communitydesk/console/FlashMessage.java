package org.communitydesk.console;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One message on its way through a redirect, kept in the database so that whichever instance answers
 * the next page finds it. It belongs to one user and, when it names one, to one ticket's page.
 */
@Entity
@Table(name = "flash_message")
public class FlashMessage extends PanacheEntityBase {

    static final int MAX_DETAIL = 2000;

    @Id
    public String id;

    @Column(nullable = false, updatable = false)
    public String username;

    /** The page it is shown on; none: whatever page the redirect leads to. */
    @Column(updatable = false)
    public String ticketCode;

    @Column(nullable = false, updatable = false)
    public String messageKey;

    @Column(nullable = false, updatable = false)
    public boolean failed;

    @Column(updatable = false)
    public String detail;

    /** The tracking code the message names (for example the new ticket's). */
    @Column(updatable = false)
    public String shownCode;

    /** A new access code to read to the caller, at most a few minutes here and gone once shown. */
    @Column(updatable = false)
    public String accessCode;

    @Column(nullable = false, updatable = false)
    public Instant expiresAt;

    protected FlashMessage() {
    }

    FlashMessage(String id, String username, String ticketCode, Flash.Message message, Instant expiresAt) {
        this.id = id;
        this.username = username;
        this.ticketCode = ticketCode;
        this.messageKey = message.key();
        this.failed = message.error();
        this.detail = message.detail() == null || message.detail().length() <= MAX_DETAIL ? message.detail()
                : message.detail().substring(0, MAX_DETAIL - 1) + "…";
        this.shownCode = message.ticketCode();
        this.accessCode = message.accessCode();
        this.expiresAt = expiresAt;
    }

    Flash.Message message() {
        return new Flash.Message(messageKey, failed, detail, shownCode, accessCode);
    }

    /** Whether this page, for this user, is where the message belongs. */
    boolean belongsTo(String user, String pageTicket, Instant now) {
        return username.equals(user) && (ticketCode == null || ticketCode.equals(pageTicket)) && expiresAt.isAfter(now);
    }

    /**
     * Takes the message if it belongs on this page for this user: read, then deleted; of two requests
     * racing for one message only the one whose delete removed the row shows it. Needs a transaction.
     */
    static Optional<Flash.Message> take(String id, String user, String pageTicket, Instant now) {
        FlashMessage found = findById(id);
        if (found == null || !found.belongsTo(user, pageTicket, now)) {
            return Optional.empty();
        }
        Flash.Message message = found.message();
        return delete("id", id) == 1 ? Optional.of(message) : Optional.empty();
    }

    /**
     * Removes the messages that expired before {@code now} (never shown: the user went elsewhere) and
     * answers how many. For the housekeeping job; call it inside a transaction.
     */
    public static long deleteExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
