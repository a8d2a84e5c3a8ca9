package org.communitydesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.communitydesk.common.IdentityEntity;

/**
 * One failed sign-in for one account name from one client address, kept in the database so that every
 * instance counts the same failures. Names that match no user are counted too. {@link SignInThrottle}
 * decides what the counts mean.
 */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure extends IdentityEntity {

    @Column(nullable = false, updatable = false)
    public String username;

    @Column(nullable = false, updatable = false)
    public String address;

    @Column(nullable = false, updatable = false)
    public Instant failedAt;

    protected SignInFailure() {
    }

    /** An account's failures since a moment: all of them, those from one address, and that address's latest. */
    record Counts(long onAccount, long fromAddress, Instant lastFromAddress) {
    }

    /** One read on the (username, failed_at) index. */
    static Counts since(String username, String address, Instant since) {
        Object[] row = getEntityManager().createQuery("select count(f), "
                        + "sum(case when f.address = :address then 1 else 0 end), "
                        + "max(case when f.address = :address then f.failedAt end) "
                        + "from SignInFailure f where f.username = :username and f.failedAt > :since", Object[].class)
                .setParameter("username", clip(username)).setParameter("address", clip(address))
                .setParameter("since", since).getSingleResult();
        return new Counts(number(row[0]), number(row[1]), (Instant) row[2]);
    }

    static void record(String username, String address, Instant at) {
        SignInFailure failure = new SignInFailure();
        failure.username = clip(username);
        failure.address = clip(address);
        failure.failedAt = at;
        failure.persist();
    }

    /** Forgets an address's failures on an account (after it signed in with the right password). */
    static void clear(String username, String address) {
        delete("username = ?1 and address = ?2", clip(username), clip(address));
    }

    /** Forgets every failure on an account (an ADMIN enabled it or set its password). */
    static void clearAccount(String username) {
        delete("username", clip(username));
    }

    /** Deletes the failures that no longer count (for the housekeeping job); the number deleted. */
    public static long deleteExpired(Instant now) {
        return delete("failedAt <= ?1", now.minus(SignInThrottle.WINDOW));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The columns hold 64 characters: longer names match no user anyway (user names are at most 64). */
    static String clip(String value) {
        String text = value == null || value.isBlank() ? "unknown" : value;
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
