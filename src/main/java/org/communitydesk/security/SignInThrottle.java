package org.communitydesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What failed sign-ins decide, instead of a lock that anyone could set on anyone's account: growing
 * delays for the client address that failed. An address that has not failed on an account is never
 * delayed on it, so nobody can keep another person out; the person who mistypes waits a little, and a
 * guesser waits longer and longer.
 * <ul>
 * <li>Per account and address: {@value #FREE_FROM_ADDRESS} failures are free; after that each attempt from
 * that address waits 1 s after its last failure, then 2 s, 4 s, … up to {@link #MAX_DELAY}.</li>
 * <li>Per account, from every address: once it has {@value #FREE_ON_ACCOUNT} failures within the window
 * (guessing spread over many addresses), every address that failed on it at least once waits
 * 1 s, 2 s, 4 s, … by that count too. Not for the last enabled ADMIN, whose delay counts only its own
 * address's failures: attempts from elsewhere never keep the last administrator out.</li>
 * </ul>
 * Failures count for {@link #WINDOW}. A right password from an address clears that address's failures
 * on the account; an ADMIN enabling the user or setting a password clears them all.
 */
final class SignInThrottle {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int FREE_FROM_ADDRESS = 3;
    static final int FREE_ON_ACCOUNT = 10;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private SignInThrottle() {
    }

    /** How long after its last failure the address must wait, given the counts. */
    static Duration delay(SignInFailure.Counts counts, boolean lastEnabledAdmin) {
        if (counts.fromAddress() == 0) {
            return Duration.ZERO;
        }
        Duration own = doubling(counts.fromAddress() - FREE_FROM_ADDRESS);
        Duration shared = lastEnabledAdmin ? Duration.ZERO : doubling(counts.onAccount() - FREE_ON_ACCOUNT);
        return own.compareTo(shared) >= 0 ? own : shared;
    }

    /** Nothing below 0, then 1 s, 2 s, 4 s, … capped. */
    static Duration doubling(long beyondFree) {
        if (beyondFree < 0) {
            return Duration.ZERO;
        }
        if (beyondFree >= 20) {
            return MAX_DELAY;
        }
        Duration delay = Duration.ofSeconds(1L << beyondFree);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The whole seconds still to wait, or empty when an attempt may be checked now. */
    static Optional<Long> waitSeconds(SignInFailure.Counts counts, boolean lastEnabledAdmin, Instant now) {
        Duration delay = delay(counts, lastEnabledAdmin);
        if (delay.isZero() || counts.lastFromAddress() == null) {
            return Optional.empty();
        }
        Instant allowedAt = counts.lastFromAddress().plus(delay);
        if (!allowedAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (Duration.between(now, allowedAt).toMillis() + 999) / 1000));
    }
}
