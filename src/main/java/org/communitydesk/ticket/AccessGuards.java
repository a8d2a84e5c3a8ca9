package org.communitydesk.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.LogSafe;
import org.communitydesk.common.NativeRows;
import org.communitydesk.ticket.TicketViews.AccessBlocksView;
import org.communitydesk.ticket.TicketViews.BlockedClient;
import org.jboss.logging.Logger;

/**
 * The guards against guessing a ticket's access code, in the caller's transaction: per client address
 * ({@link ClientAccessGuard}, the one that normally acts) and, as a last resort, per ticket
 * ({@link AccessGuard}). Neither changes the ticket row, so a guesser never moves its version.
 */
@ApplicationScoped
public class AccessGuards {

    private static final Logger LOG = Logger.getLogger(AccessGuards.class);

    @Inject
    AppMetrics metrics;

    /**
     * A ticket that a client may try a code for now: what a lookup needs before it reads any more of it, with what
     * tells one state of the ticket from the next (its version, and its latest event: a note moves no version).
     */
    public record Openable(long ticketId, long version, long latestEventId, String accessCodeHash) {
    }

    /**
     * The ticket of this (canonical) code when nothing stands against this client opening it now: the address is
     * under its limit of failed lookups ({@link ClientFailure.Kind#PUBLIC_LOOKUP}) and neither guard blocks it.
     * One read for the lookups that almost all succeed; empty when any of that does not hold or the ticket does
     * not exist, and then the separate checks decide and say which.
     */
    public Optional<Openable> openableByCode(String code, String client, Instant now) {
        return Ticket.getEntityManager().createQuery("select t.id, t.version,"
                        + " (select max(e.id) from TicketEvent e where e.ticket = t), t.accessCodeHash from Ticket t"
                        + " where t.code = :code and (select count(f) from ClientFailure f where f.kind = :kind"
                        + " and f.address = :address and f.expiresAt > :now) < :limit"
                        + " and not exists (select 1 from AccessGuard g where g.ticketId = t.id"
                        + " and g.window.lockedUntil > :now)"
                        + " and not exists (select 1 from ClientAccessGuard b where b.ticketId = t.id"
                        + " and b.address = :address and b.window.lockedUntil > :now)", Object[].class)
                .setParameter("code", code).setParameter("kind", ClientFailure.Kind.PUBLIC_LOOKUP)
                .setParameter("address", address(client)).setParameter("now", now)
                .setParameter("limit", (long) ClientFailure.Kind.PUBLIC_LOOKUP.maxFailures)
                .getResultStream().findFirst()
                .map(row -> new Openable((Long) row[0], ((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).longValue(), (String) row[3]));
    }

    /** Whether this client may not open this ticket now, whatever code it sends. */
    public boolean blocks(Ticket ticket, String client, Instant now) {
        // Both guards in one read: every lookup asks, and almost none is blocked.
        return !Ticket.getEntityManager().createNativeQuery("select 1 from ticket_access_guard g "
                        + "where g.ticket_id = :ticket and g.locked_until > :now union all "
                        + "select 1 from ticket_access_block b "
                        + "where b.ticket_id = :ticket and b.address = :address and b.locked_until > :now")
                .setParameter("ticket", ticket.id).setParameter("address", address(client)).setParameter("now", now)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Counts a wrong code from this client for this ticket, and for the ticket as a whole. */
    public void recordWrongCode(Ticket ticket, String client, Instant now) {
        // The ticket's row first, as every staff change takes it: two first failures at once wait for each other
        // here and the second finds the rows the first made; a reissue racing a failure never deadlocks with it.
        Ticket.getEntityManager().lock(ticket, LockModeType.PESSIMISTIC_WRITE);
        ClientAccessGuard mine = clientGuard(ticket.id, client, LockModeType.PESSIMISTIC_WRITE);
        if (mine == null) {
            mine = new ClientAccessGuard(ticket.id, address(client), now);
            mine.persist();
        }
        AccessGuard all = AccessGuard.findById(ticket.id, LockModeType.PESSIMISTIC_WRITE);
        if (all == null) {
            all = new AccessGuard(ticket.id, now);
            all.persist();
        }
        if (mine.recordFailure(now)) {
            metrics.count(AppMetrics.LOCKOUTS, AppMetrics.KIND, "access-code-client");
            LOG.warnf("Ticket %s: public lookups from %s are refused until %s after more than %d wrong access codes "
                    + "within an hour; other clients, the resident among them, are not affected. Staff see the "
                    + "block on the ticket and can lift it.", ticket.code, LogSafe.of(client), mine.window.lockedUntil,
                    ClientAccessGuard.MAX_FAILURES);
        }
        if (all.recordFailure(now)) {
            metrics.count(AppMetrics.LOCKOUTS, AppMetrics.KIND, "access-code-ticket");
            LOG.warnf("Ticket %s: public lookups are refused for every client until %s after more than %d wrong "
                    + "access codes within an hour from many addresses, which looks like a distributed guess. Call "
                    + "the resident, then issue a new access code (POST /api/tickets/%s/access-code) or lift the "
                    + "block (POST /api/tickets/%s/access-blocks/lift); the ticket's page shows it.",
                    ticket.code, all.window.lockedUntil, AccessGuard.MAX_FAILURES, ticket.code, ticket.code);
        }
    }

    /** What staff see: the clients blocked now, and the ticket-wide block if the last resort acted. */
    public static AccessBlocksView of(Ticket ticket, Instant now) {
        // One read for both guards; the ticket-wide block is the row without an address.
        List<BlockedClient> clients = new ArrayList<>();
        Instant ticketBlockedUntil = null;
        for (Object row : Ticket.getEntityManager().createNativeQuery("select b.address, b.failures, b.locked_until "
                        + "from ticket_access_block b where b.ticket_id = :ticket and b.locked_until > :now union all "
                        + "select null, g.failures, g.locked_until from ticket_access_guard g "
                        + "where g.ticket_id = :ticket and g.locked_until > :now order by 3")
                .setParameter("ticket", ticket.id).setParameter("now", now).getResultList()) {
            Object[] r = (Object[]) row;
            Instant until = NativeRows.instant(r[2]);
            if (r[0] == null) {
                ticketBlockedUntil = until;
            } else {
                clients.add(new BlockedClient((String) r[0], ((Number) r[1]).intValue(), until));
            }
        }
        return new AccessBlocksView(List.copyOf(clients), ticketBlockedUntil);
    }

    /** Forgets every count and block of the ticket: after a new code, or when staff lift them. */
    static long clear(Ticket ticket) {
        return ClientAccessGuard.delete("ticketId", ticket.id) + AccessGuard.delete("ticketId", ticket.id);
    }

    private static ClientAccessGuard clientGuard(long ticketId, String client, LockModeType lock) {
        return ClientAccessGuard.<ClientAccessGuard>find("ticketId = ?1 and address = ?2", ticketId, address(client))
                .withLock(lock).firstResult();
    }

    /** The address as stored: as long as the column allows; a client without one counts as "unknown". */
    private static String address(String client) {
        String address = client == null || client.isBlank() ? "unknown" : client;
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
