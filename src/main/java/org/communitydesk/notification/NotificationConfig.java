package org.communitydesk.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Notifications: the delivery job, the rules on what is sent, and each channel (off until configured). */
@ConfigMapping(prefix = "communitydesk.notifications")
public interface NotificationConfig {

    /** How often each instance looks for due messages ("off" stops delivery on this instance). */
    @WithDefault("5s")
    String deliverEvery();

    /** How often one instance looks for newly overdue tickets ("off" to switch it off). */
    @WithDefault("5m")
    String overdueEvery();

    /** Messages one instance sends at the same time (each waits for its channel's answer). */
    @WithDefault("8")
    int parallelSends();

    /** Messages one claim takes. */
    @WithDefault("50")
    int batch();

    /**
     * How long a claimed message is left to its sender: if that instance dies before recording the result, the
     * message is due again after this (at least once). Longer than the slowest channel's timeout.
     */
    @WithDefault("2m")
    Duration claimTimeout();

    /** A message still not delivered this long after it was written is marked FAILED with its last error. */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** The most text messages one resident's phone gets in a local day; the rest are SKIPPED. */
    @WithDefault("10")
    int dailyCap();

    /** The language of the texts: zh or en. */
    @WithDefault("zh")
    String language();

    /** Whether robots and webhooks may be called at loopback or private-range addresses (tests; never in production). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Timeout of one HTTP call to a channel. */
    @WithDefault("10s")
    Duration httpTimeout();

    Sms sms();

    interface Sms {
        /** A generic HTTP SMS gateway: a JSON POST of {to, text, idempotencyKey} to this URL. Unset: off. */
        Optional<URI> gatewayUrl();

        /** The header that carries the gateway's credential. */
        @WithDefault("Authorization")
        String authHeader();

        /** The credential sent in {@link #authHeader()} (for example "Bearer ..."). */
        Optional<String> authValue();
    }
}
