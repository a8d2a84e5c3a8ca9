package org.communitydesk.ticket;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the aggregate tells the rest of the application, synchronously, in the transaction of the change: every
 * event it appends to a timeline ({@link Recorded}) and the first access code ({@link AccessCodeGiven}). Every
 * move passes {@code Ticket.record}, so an observer (the notification outbox) sees all of them and writes in the
 * same transaction: a rolled-back change leaves nothing behind. Outside a running container (plain unit tests of
 * the aggregate) nothing is published.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    /** One event appended to the ticket's timeline; the ticket already shows the state after it. */
    public record Recorded(Ticket ticket, TicketEvent event) {
    }

    /** The access code given at intake, in clear: the one moment it exists outside the caller's answer. */
    public record AccessCodeGiven(Ticket ticket, String accessCode, Instant at) {

        @Override
        public String toString() {
            return "AccessCodeGiven[" + ticket.code + ", redacted]";
        }
    }

    private static final ThreadLocal<Boolean> QUIET = new ThreadLocal<>();

    /** Runs work whose changes nobody must hear about (the demo loader's made-up history). */
    public static <T> T quietly(Supplier<T> work) {
        Boolean before = QUIET.get();
        QUIET.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                QUIET.remove();
            } else {
                QUIET.set(before);
            }
        }
    }

    static void publish(Object change) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning() || Boolean.TRUE.equals(QUIET.get())) {
            return;
        }
        container.beanManager().getEvent().fire(change);
    }
}
