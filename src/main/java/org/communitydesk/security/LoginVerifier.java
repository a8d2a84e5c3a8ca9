package org.communitydesk.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.ClientFailure.Kind;
import org.communitydesk.common.LogSafe;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password against the user store, counting failures towards the
 * lock-out (5 failures in 15 minutes lock the account for 15 minutes) and towards the client
 * address's limit ({@link Kind#SIGN_IN}: 30 in 5 minutes, unknown names included), which is checked
 * before anything else so that a flood costs one indexed read a request, not a bcrypt check.
 * Failures are committed, not rolled back, so the counts survive the 401 that follows.
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

    /**
     * The grant for valid credentials, or empty; {@link TooManySignInsProblem} when the client's address
     * is over its limit. The limit is checked before the cache too: otherwise a limited address could
     * still tell a right password (cached for its user) from a wrong one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext // the form login's /j_security_check runs outside JAX-RS, with no request context
    public Optional<Grant> verify(String username, String password, String client) {
        Instant now = clock.instant();
        var refusal = ClientFailure.refusal(Kind.SIGN_IN, client, now);
        if (refusal.isPresent()) {
            throw new TooManySignInsProblem(refusal.get().retryAfterSeconds());
        }
        Optional<String> verifiedHash = verifiedLogins.lookup(username, password);
        if (verifiedHash.isPresent()) {
            // Another instance may have disabled, locked or reset the user since: one indexed read says.
            Optional<AppUser.SignInState> state = AppUser.signInState(username);
            if (state.isPresent() && state.get().admits(verifiedHash.get(), now)) {
                return Optional.of(state.get().grant());
            }
            // Stale: the full check below records the failure with its reason.
        }
        long generation = verifiedLogins.generation(username);
        Optional<Verified> verified = verifyAgainstStore(username, password, client);
        verified.ifPresent(v -> verifiedLogins.remember(username, password, v.passwordHash(), generation));
        return verified.map(Verified::grant);
    }

    /** A sign-in checked by bcrypt: what it grants, and the hash it matched. */
    record Verified(Grant grant, String passwordHash) {
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
    Optional<Verified> verifyAgainstStore(String username, String password, String client) {
        Instant now = clock.instant();
        AppUser user = AppUser.findByUsername(username).orElse(null);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "unknown user", now);
            countFailure(username, client, now);
            return Optional.empty();
        }
        if (user.isLocked(now)) {
            SecurityEvent.record(SecurityEventType.LOGIN_REFUSED_LOCKED, username, null,
                    "locked until " + user.lockedUntil, now);
            countFailure(username, client, now);
            return Optional.empty();
        }
        if (!user.passwordMatches(password)) {
            countFailure(username, client, now);
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
                        LogSafe.of(username), user.lockedUntil, AppUser.MAX_FAILED_LOGINS, LogSafe.of(username));
            }
            return Optional.empty();
        }
        if (!user.enabled) {
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "account disabled", now);
            countFailure(username, client, now);
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
        return Optional.of(new Verified(new Grant(user.username, user.role, user.ticketScope()), user.passwordHash()));
    }

    /**
     * Counts a failed sign-in against the client's address. The security log gets one event when the
     * address reaches its limit, not one per refused request after it, so a flood cannot fill the log.
     */
    private void countFailure(String username, String client, Instant now) {
        if (ClientFailure.record(Kind.SIGN_IN, client, now)) {
            SecurityEvent.record(SecurityEventType.LOGIN_THROTTLED, username, null, "address " + client + ": "
                    + Kind.SIGN_IN.maxFailures + " failed sign-ins within " + Kind.SIGN_IN.window.toMinutes()
                    + " minutes; no password from it is checked for up to " + Kind.SIGN_IN.window.toMinutes()
                    + " minutes", now);
            LOG.warnf("Sign-ins from %s are refused with 429 for up to %d minutes after %d failures (the last for "
                    + "user name '%s'). If many staff share this address, check that the reverse proxy's "
                    + "quarkus.http.proxy.* settings are in place.", LogSafe.of(client), Kind.SIGN_IN.window.toMinutes(),
                    Kind.SIGN_IN.maxFailures, LogSafe.of(username));
        }
    }
}
