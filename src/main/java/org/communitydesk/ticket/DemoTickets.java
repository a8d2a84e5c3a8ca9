package org.communitydesk.ticket;

import org.communitydesk.common.NativeWrites;

/**
 * Which tickets the demo loader made (table {@code demo_ticket}), so that demo data, and the demo users
 * with their published password, never go into a database that holds real tickets.
 */
public final class DemoTickets {

    private DemoTickets() {
    }

    /** Marks a ticket as made by the demo loader, in the loader's transaction. */
    public static void mark(Ticket ticket) {
        NativeWrites.to(Ticket.getEntityManager(), "demo_ticket", "insert into demo_ticket (ticket_id) values (?1)")
                .setParameter(1, ticket.id).executeUpdate();
    }

    /** Tickets that the demo loader did not make: real work, which demo data must not mix with. */
    public static long countReal() {
        return ((Number) Ticket.getEntityManager().createNativeQuery(
                "select count(*) from ticket t where not exists (select 1 from demo_ticket d where d.ticket_id = t.id)")
                .getSingleResult()).longValue();
    }
}
