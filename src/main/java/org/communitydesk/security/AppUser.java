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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;
import org.communitydesk.common.NativeRows;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.Organization;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.communitydesk.ticket.TicketScope;

/** Someone who may sign in: a role, and the community, street office or organization it applies to. */
@Entity
@Table(name = "app_user")
public class AppUser extends IdentityEntity {

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

    /** Where notifications by e-mail reach this user; null: none. Set by an ADMIN. */
    public String email;

    /**
     * Sessions carry the value they began with ({@link SessionTokens}); {@link #endSessions} adds one, and
     * every session begun before is refused from then on, by every instance. The columns failed_logins,
     * first_failed_at and locked_until of the old lock-out stay in the table, unused.
     */
    @Column(nullable = false)
    public long sessionGeneration;

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
        user.sessionGeneration = 0;
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
    record SignInState(String passwordHash, boolean enabled, long sessionGeneration, Grant grant) {

        /** Still enabled, and the password is the one that was verified. */
        boolean admits(String verifiedHash) {
            return enabled && passwordHash.equals(verifiedHash);
        }

        /** Still enabled, and no session of the user was ended since the one of this generation began. */
        boolean admitsSession(long generation) {
            return enabled && sessionGeneration == generation;
        }
    }

    static Optional<SignInState> signInState(String username) {
        return getEntityManager().createQuery("select u.passwordHash, u.enabled, u.sessionGeneration, u.role, "
                        + "u.community.id, u.streetOffice.id, u.organization.id from AppUser u where u.username = :username",
                        Object[].class)
                .setParameter("username", username).getResultStream().findFirst()
                .map(row -> {
                    Role role = (Role) row[3];
                    return new SignInState((String) row[0], (Boolean) row[1], ((Number) row[2]).longValue(),
                            new Grant(username, role, scopeOf(role, (Long) row[4], (Long) row[5], (Long) row[6]),
                                    ((Number) row[2]).longValue()));
                });
    }

    /**
     * For a sign-in whose password was verified a moment ago ({@link VerifiedLogins}): the user's state, in one
     * read with the two counts that could stop it, and only when neither does: the address is under its limit of
     * failed sign-ins ({@code addressLimit} unexpired), and this name has not failed from this address since
     * {@code failuresSince} (a failure would bring in the growing delay). Empty otherwise, and the full checks decide.
     */
    static Optional<SignInState> signInStateWithNothingAgainst(String username, String address, Instant now,
            Instant failuresSince, int addressLimit) {
        List<?> rows = getEntityManager().createNativeQuery("select u.password_hash, u.enabled, u.session_generation, "
                        + "u.role, u.community_id, u.street_office_id, u.organization_id from app_user u "
                        + "where u.username = :username "
                        + "and (select count(*) from client_failure f where f.kind = 'SIGN_IN' and f.address = :address "
                        + "and f.expires_at > :now) < :limit "
                        + "and not exists (select 1 from sign_in_failure s where s.username = :username "
                        + "and s.address = :address and s.failed_at > :since)")
                .setParameter("username", username).setParameter("address", SignInFailure.clip(address))
                .setParameter("now", now).setParameter("limit", addressLimit).setParameter("since", failuresSince)
                .getResultList();
        return rows.stream().findFirst().map(Object[].class::cast).map(row -> {
            Role role = Role.valueOf((String) row[3]);
            long generation = ((Number) row[2]).longValue();
            return new SignInState((String) row[0], (Boolean) row[1], generation, new Grant(username, role,
                    scopeOf(role, NativeRows.longOrNull(row[4]), NativeRows.longOrNull(row[5]), NativeRows.longOrNull(row[6])), generation));
        });
    }

    /** Whether this is the only enabled ADMIN (whom attempts from other addresses must never delay). */
    static boolean isLastEnabledAdmin(String username) {
        return getEntityManager().createQuery("select count(u), sum(case when u.username = :username then 1 else 0 end) "
                        + "from AppUser u where u.role = :admin and u.enabled = true", Object[].class)
                .setParameter("username", username).setParameter("admin", Role.ADMIN).getResultStream().findFirst()
                .map(row -> ((Number) row[0]).longValue() == 1 && row[1] != null && ((Number) row[1]).longValue() == 1)
                .orElse(false);
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean passwordMatches(String password) {
        return BcryptUtil.matches(password, passwordHash);
    }

    /** A new password; every session begun with the old one ends. */
    void changePassword(String password) {
        passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        endSessions();
    }

    /** Ends every form-login session of this user, on every instance (see {@link #sessionGeneration}). */
    void endSessions() {
        sessionGeneration++;
    }

    Grant grant() {
        return new Grant(username, role, ticketScope(), sessionGeneration);
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
