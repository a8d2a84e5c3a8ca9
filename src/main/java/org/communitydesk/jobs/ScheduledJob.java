package org.communitydesk.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A background job's row: the lease that one instance wins per run, and what the last run did.
 * Times of the lease come from the database's clock, the one clock every instance shares.
 */
@Entity
@Table(name = "scheduled_job")
public class ScheduledJob extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "lease_until", nullable = false)
    public Instant leaseUntil;

    public String holder;

    @Column(name = "last_started_at")
    public Instant lastStartedAt;

    @Column(name = "last_finished_at")
    public Instant lastFinishedAt;

    @Column(name = "last_duration_ms")
    public Long lastDurationMs;

    @Column(name = "last_rows")
    public Long lastRows;

    @Column(name = "last_error")
    public String lastError;

    protected ScheduledJob() {
    }

    ScheduledJob(String name, Instant leaseUntil) {
        this.name = name;
        this.leaseUntil = leaseUntil;
    }

    /** The database's time, so that instances whose clocks differ still agree on who holds a lease. */
    static Instant databaseNow() {
        return getEntityManager().createQuery("select current_instant", Instant.class).getSingleResult();
    }

    /** Takes the lease if it is free at {@code now}: one UPDATE, so exactly one of several contenders wins. */
    static boolean tryLease(String name, String holder, Instant now, Instant until) {
        return update("leaseUntil = ?1, holder = ?2, lastStartedAt = ?3 where name = ?4 and leaseUntil < ?3",
                until, holder, now, name) == 1;
    }

    /** Ends this holder's run and records it; the lease stays closed until {@code freeFrom}. */
    static boolean finish(String name, String holder, Instant finishedAt, Instant freeFrom, long durationMs, Long rows,
            String error) {
        return update("leaseUntil = ?1, holder = null, lastFinishedAt = ?2, lastDurationMs = ?3, lastRows = ?4, "
                + "lastError = ?5 where name = ?6 and holder = ?7",
                freeFrom, finishedAt, durationMs, rows, error, name, holder) == 1;
    }
}
