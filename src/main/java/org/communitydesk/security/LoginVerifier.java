package org.communitydesk.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password against the user store, counting failures towards the
 * lock-out (5 failures in 15 minutes lock the account for 15 minutes). Failures are committed,
 * not rolled back, so the count survives the 401 that follows.
 */
@ApplicationScoped
public class LoginVerifier {

    private static final Logger LOG = Logger.getLogger(LoginVerifier.class);
    /** Checked for unknown users too, so that timing does not tell which names exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user", AppUser.BCRYPT_COST);

    @Inject
    VerifiedLogins verifiedLogins;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The grant for valid credentials, or empty. */
    public Optional<Grant> verify(String username, String password) {
        Optional<Grant> cached = verifiedLogins.lookup(username, password);
        if (cached.isPresent()) {
            return cached;
        }
        long generation = verifiedLogins.generation(username);
        Optional<Grant> grant = verifyAgainstStore(username, password);
        grant.ifPresent(g -> verifiedLogins.remember(password, g, generation));
        return grant;
    }

    /**
     * The grant for a user signed in earlier through the login form, whose session cookie names them:
     * checked on every request, so that disabling or locking an account ends its sessions at once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Grant> stillAllowed(String username) {
        Instant now = clock.instant();
        return AppUser.findByUsername(username).filter(user -> user.enabled && !user.isLocked(now))
                .map(user -> new Grant(user.username, user.role, user.ticketScope()));
    }

    @Transactional
    Optional<Grant> verifyAgainstStore(String username, String password) {
        Instant now = clock.instant();
        AppUser user = AppUser.findByUsername(username).orElse(null);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "unknown user", now);
            return Optional.empty();
        }
        if (user.isLocked(now)) {
            SecurityEvent.record(SecurityEventType.LOGIN_REFUSED_LOCKED, username, null,
                    "locked until " + user.lockedUntil, now);
            return Optional.empty();
        }
        if (!user.passwordMatches(password)) {
            entityManager.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            boolean locked = user.recordFailure(now);
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "wrong password", now);
            if (locked) {
                // A password verified a moment ago must not outlive the lock in the cache.
                verifiedLogins.forget(username);
                SecurityEvent.record(SecurityEventType.LOCKED_OUT, username, null,
                        AppUser.MAX_FAILED_LOGINS + " failed sign-ins within 15 minutes; locked until " + user.lockedUntil, now);
                LOG.warnf("Account %s is locked until %s after %d failed sign-ins within 15 minutes. "
                        + "An ADMIN can unlock it by enabling it again (POST /api/users/%s/enable).",
                        username, user.lockedUntil, AppUser.MAX_FAILED_LOGINS, username);
            }
            return Optional.empty();
        }
        if (!user.enabled) {
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "account disabled", now);
            return Optional.empty();
        }
        if (user.failedLogins > 0) {
            // Lock and re-read, as for a failure: two requests signing in at once must not both write the
            // row, or the second would fail on the version and the user's request with it.
            entityManager.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            if (user.failedLogins > 0) {
                user.recordSuccess();
            }
        }
        SecurityEvent.record(SecurityEventType.LOGIN_SUCCEEDED, username, null, null, now);
        return Optional.of(new Grant(user.username, user.role, user.ticketScope()));
    }
}
