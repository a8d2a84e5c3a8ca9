package org.communitydesk.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.ClientFailure;
import org.communitydesk.common.ClientFailure.Kind;
import org.communitydesk.security.SessionTokens.Token;
import org.communitydesk.common.LogSafe;
import org.communitydesk.security.VerifiedLogins.Grant;
import org.jboss.logging.Logger;

/**
 * Checks a user name and password against the user store. Two limits come first, before any password
 * is checked, so that refused attempts cost one indexed read each and tell nothing:
 * <ul>
 * <li>the client address's limit over all names ({@link Kind#SIGN_IN}: 30 failures in 5 minutes);</li>
 * <li>the growing delay for this name from this address ({@link SignInThrottle}).</li>
 * </ul>
 * Then every check that reaches the store costs exactly one bcrypt check, whether the name is unknown, the
 * account disabled or the password wrong, so that timing does not tell which names exist. There is no
 * lock-out: nobody can keep someone else out by failing on their name. Failures are committed, not rolled
 * back, so the counts survive the 401 that follows.
 */
@ApplicationScoped
public class LoginVerifier {

    private static final Logger LOG = Logger.getLogger(LoginVerifier.class);
    /** Checked for unknown users too, so that timing does not tell which names exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user", AppUser.BCRYPT_COST);

    @Inject
    VerifiedLogins verifiedLogins;

    @Inject
    SessionTokens sessionTokens;

    @Inject
    Clock clock;

    @Inject
    AppMetrics metrics;

    /**
     * The grant for valid credentials, or empty; {@link TooManySignInsProblem} when the client's address
     * is over its limit or must still wait before trying this name again. The limits are checked before
     * the cache too: otherwise a refused address could still tell a right password (cached for its user)
     * from a wrong one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext // the form login's /j_security_check runs outside JAX-RS, with no request context
    public Optional<Grant> verify(String username, String password, String client) {
        Instant now = clock.instant();
        Optional<String> remembered = verifiedLogins.lookup(username, password);
        if (remembered.isPresent()) {
            // The everyday case, a client signing in on every request: one read instead of the three below.
            Optional<AppUser.SignInState> state = AppUser.signInStateWithNothingAgainst(username, client, now,
                    now.minus(SignInThrottle.WINDOW), Kind.SIGN_IN.maxFailures);
            if (state.isPresent() && state.get().admits(remembered.get())) {
                return Optional.of(state.get().grant());
            }
        }
        var refusal = ClientFailure.refusal(Kind.SIGN_IN, client, now);
        if (refusal.isPresent()) {
            metrics.count(AppMetrics.TOO_MANY_REQUESTS, AppMetrics.REASON, "sign-ins");
            throw new TooManySignInsProblem(refusal.get().retryAfterSeconds());
        }
        requireNoDelay(username, client, now);
        Optional<String> verifiedHash = verifiedLogins.lookup(username, password);
        if (verifiedHash.isPresent()) {
            // Another instance may have disabled the user or changed the password since: one indexed read says.
            Optional<AppUser.SignInState> state = AppUser.signInState(username);
            if (state.isPresent() && state.get().admits(verifiedHash.get())) {
                return Optional.of(state.get().grant());
            }
            // Stale: the full check below records the failure with its reason.
        }
        return verifyAgainstStore(username, password, client, verifiedLogins.generation(username));
    }

    /** Refuses (429) an attempt on this name from this address while its growing delay runs. */
    private void requireNoDelay(String username, String client, Instant now) {
        SignInFailure.Counts counts = SignInFailure.since(username, client, now.minus(SignInThrottle.WINDOW));
        if (counts.fromAddress() > 0) {
            boolean lastAdmin = counts.onAccount() >= SignInThrottle.FREE_ON_ACCOUNT && AppUser.isLastEnabledAdmin(username);
            var wait = SignInThrottle.waitSeconds(counts, lastAdmin, now);
            if (wait.isPresent()) {
                metrics.count(AppMetrics.TOO_MANY_REQUESTS, AppMetrics.REASON, "sign-ins");
                throw TooManySignInsProblem.forAccount(wait.get());
            }
        }
    }

    /** A pages' session that may go on: what it grants, and the renewed token when one is due. */
    public record Resumed(Grant grant, String renewedToken, long maxAgeSeconds) {
    }

    /**
     * The grant for a pages' session whose cookies name {@code username} and carry {@code token}: checked on
     * every request, so that a sign-out, a new password or disabling the account ends it at once on every
     * instance, and so that it ends after its lifetime or when left idle. Empty when it is over.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Resumed> resume(String username, String token) {
        Instant now = clock.instant();
        Optional<Token> session = sessionTokens.read(token).filter(t -> t.username().equals(username));
        if (session.isEmpty()) {
            LOG.debugf("A session cookie for '%s' came without a valid session token; the user signs in again", username);
            return Optional.empty();
        }
        Optional<String> ended = sessionTokens.endedBecause(session.get(), now);
        if (ended.isPresent()) {
            LOG.debugf("The session of '%s' is over because %s; the user signs in again", username, ended.get());
            return Optional.empty();
        }
        return AppUser.signInState(username).filter(state -> state.admitsSession(session.get().generation()))
                .map(state -> {
                    Token current = session.get();
                    if (!SessionTokens.renewalDue(current, now)) {
                        return new Resumed(state.grant(), null, 0);
                    }
                    Token renewed = new Token(current.username(), current.generation(), current.signedInAt(), now);
                    return new Resumed(state.grant(), sessionTokens.write(renewed),
                            sessionTokens.maxAgeSeconds(renewed, now));
                });
    }

    /** The token of a session that begins now with this grant, and how long the browser keeps it. */
    public Resumed begin(Grant grant) {
        Instant now = clock.instant();
        Token token = new Token(grant.username(), grant.sessionGeneration(), now, now);
        return new Resumed(grant, sessionTokens.write(token), sessionTokens.maxAgeSeconds(token, now));
    }

    /**
     * The check by bcrypt, under the user's row lock; a success is remembered before the lock is released.
     * {@code generation} is {@link VerifiedLogins#generation} taken before the user was read.
     */
    @Transactional
    Optional<Grant> verifyAgainstStore(String username, String password, String client, long generation) {
        Instant now = clock.instant();
        // The user's row stays locked until the failure is counted, and the delay is checked again under the
        // lock: otherwise many attempts sent at once would all pass the check made before it.
        AppUser user = AppUser.<AppUser>find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElse(null);
        if (user != null) {
            requireNoDelay(username, client, now);
            // A client's connections starting at once queue on the lock with the same credentials: the first
            // checks them, the others find its result here instead of each paying a bcrypt check in turn.
            Optional<String> verifiedMeanwhile = verifiedLogins.lookup(username, password);
            if (user.enabled && verifiedMeanwhile.isPresent() && verifiedMeanwhile.get().equals(user.passwordHash())) {
                return Optional.of(user.grant());
            }
        }
        // Exactly one bcrypt check on every path, unknown names included.
        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash());
        if (user == null) {
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "unknown user", now);
            countFailure(username, client, now);
            return Optional.empty();
        }
        if (!matches) {
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "wrong password", now);
            countFailure(username, client, now);
            return Optional.empty();
        }
        if (!user.enabled) {
            SecurityEvent.record(SecurityEventType.LOGIN_FAILED, username, null, "account disabled", now);
            countFailure(username, client, now);
            return Optional.empty();
        }
        SignInFailure.clear(username, client);
        SecurityEvent.record(SecurityEventType.LOGIN_SUCCEEDED, username, null, null, now);
        verifiedLogins.remember(username, password, user.passwordHash(), generation);
        return Optional.of(user.grant());
    }

    /**
     * Counts a failed sign-in against the name from this address and against the address. The security
     * log gets one event when the address starts to wait on the name, and one when it reaches its limit over
     * all names, not one per refused request after it, so a flood cannot fill the log.
     */
    private void countFailure(String username, String client, Instant now) {
        SignInFailure.record(username, client, now);
        long fromAddress = SignInFailure.since(username, client, now.minus(SignInThrottle.WINDOW)).fromAddress();
        if (fromAddress == SignInThrottle.FREE_FROM_ADDRESS) {
            metrics.count(AppMetrics.LOCKOUTS, AppMetrics.KIND, "sign-in-delayed");
            SecurityEvent.record(SecurityEventType.SIGN_IN_DELAYED, username, null, "address " + client + ": "
                    + fromAddress + " failed sign-ins within " + SignInThrottle.WINDOW.toMinutes() + " minutes; each "
                    + "further attempt from it waits longer (1 s, 2 s, 4 s, … up to "
                    + SignInThrottle.MAX_DELAY.toMinutes() + " minutes)", now);
        }
        if (ClientFailure.record(Kind.SIGN_IN, client, now)) {
            metrics.count(AppMetrics.LOCKOUTS, AppMetrics.KIND, "sign-in-address");
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
