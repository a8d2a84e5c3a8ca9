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

    /**
     * One read on the (username, failed_at) index, grouped by address. The address is compared here rather
     * than in the query's select clause: a parameter there makes Hibernate translate the query anew on every
     * call (it is inlined as a literal), and this runs on every signed-in API request.
     */
    static Counts since(String username, String address, Instant since) {
        String clipped = clip(address);
        long onAccount = 0;
        long fromAddress = 0;
        Instant lastFromAddress = null;
        for (Object[] row : getEntityManager().createQuery("select f.address, count(f), max(f.failedAt) "
                        + "from SignInFailure f where f.username = :username and f.failedAt > :since group by f.address",
                        Object[].class)
                .setParameter("username", clip(username)).setParameter("since", since).getResultList()) {
            long failures = number(row[1]);
            onAccount += failures;
            if (clipped.equals(row[0])) {
                fromAddress = failures;
                lastFromAddress = (Instant) row[2];
            }
        }
        return new Counts(onAccount, fromAddress, lastFromAddress);
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
