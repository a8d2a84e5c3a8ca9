package org.communitydesk.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.communitydesk.ticket.TicketScope;

/** Someone who may sign in: a role, and the community, street office or organization it applies to. */
@Entity
@Table(name = "app_user")
public class AppUser extends IdentityEntity {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** Work factor of the bcrypt hashes; about 60 ms a check on the reference machine. */
    static final int BCRYPT_COST = 10;

    @Column(nullable = false, unique = true, updatable = false)
    public String username;

    @Column(nullable = false)
    public String displayName;

    @Column(nullable = false)
    String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    public Area community;

    @ManyToOne(fetch = FetchType.LAZY)
    public Area streetOffice;

    @ManyToOne(fetch = FetchType.LAZY)
    public Organization organization;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public int failedLogins;

    public Instant firstFailedAt;

    public Instant lockedUntil;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    protected AppUser() {
    }

    static AppUser create(String username, String displayName, String password, Role role, Area community,
            Area streetOffice, Organization organization, Instant at) {
        AppUser user = new AppUser();
        user.username = username;
        user.displayName = displayName;
        user.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        user.role = role;
        user.community = community;
        user.streetOffice = streetOffice;
        user.organization = organization;
        user.enabled = true;
        user.failedLogins = 0;
        user.createdAt = at;
        return user;
    }

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /**
     * What a cached sign-in must still match, read with one query on the username's unique index.
     * The password hash itself stands for the password's version: every change makes a new hash
     * (bcrypt salts each one), whichever instance made it, so nothing has to remember to bump a
     * counter; the row's @Version cannot serve, as every failed sign-in bumps it. Role and scope are
     * read from the same row, so the grant is always the current one.
     */
    record SignInState(String passwordHash, boolean enabled, Instant lockedUntil, Grant grant) {

        /** Still enabled, not locked, and the password is the one that was verified. */
        boolean admits(String verifiedHash, Instant now) {
            return enabled && (lockedUntil == null || !lockedUntil.isAfter(now)) && passwordHash.equals(verifiedHash);
        }
    }

    static Optional<SignInState> signInState(String username) {
        return getEntityManager().createQuery("select u.passwordHash, u.enabled, u.lockedUntil, u.role, u.community.id, "
                        + "u.streetOffice.id, u.organization.id from AppUser u where u.username = :username", Object[].class)
                .setParameter("username", username).getResultStream().findFirst()
                .map(row -> {
                    Role role = (Role) row[3];
                    return new SignInState((String) row[0], (Boolean) row[1], (Instant) row[2], new Grant(username,
                            role, scopeOf(role, (Long) row[4], (Long) row[5], (Long) row[6])));
                });
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean passwordMatches(String password) {
        return BcryptUtil.matches(password, passwordHash);
    }

    void changePassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        unlock();
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in; true when this failure locks the account. */
    boolean recordFailure(Instant now) {
        if (firstFailedAt == null || firstFailedAt.plus(FAILURE_WINDOW).isBefore(now)) {
            firstFailedAt = now;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
            firstFailedAt = null;
            return true;
        }
        return false;
    }

    void recordSuccess() {
        failedLogins = 0;
        firstFailedAt = null;
    }

    void unlock() {
        lockedUntil = null;
        failedLogins = 0;
        firstFailedAt = null;
    }

    /** The tickets this user may see and act on. */
    TicketScope ticketScope() {
        return scopeOf(role, community == null ? null : community.id, streetOffice == null ? null : streetOffice.id,
                organization == null ? null : organization.id);
    }

    private static TicketScope scopeOf(Role role, Long communityId, Long streetOfficeId, Long organizationId) {
        return switch (role) {
            case ADMIN -> TicketScope.ALL;
            case SUPERVISOR -> TicketScope.streetOffice(streetOfficeId);
            case STAFF -> TicketScope.community(communityId);
            case CONTRACTOR -> TicketScope.organization(organizationId);
        };
    }
}
