package org.communitydesk.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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
    @WithDefault("32")
    int parallelSends();

    /** Messages one claim takes. */
    @WithDefault("100")
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

    /**
     * How long sent (and skipped) messages are kept before housekeeping deletes them; at least {@link #MIN_RETENTION},
     * since the overdue job's once-per-deadline check and the daily cap read the recent ones.
     */
    @WithDefault("90d")
    Duration retention();

    Duration MIN_RETENTION = Duration.ofDays(2);

    /** The retention in force: the configured one, never below {@link #MIN_RETENTION}. */
    default Duration retentionInForce() {
        return retention().compareTo(MIN_RETENTION) < 0 ? MIN_RETENTION : retention();
    }

    /** The dashboard warns when the oldest unsent message is older than this (or any was given up in a day). */
    @WithDefault("30m")
    Duration warnAfter();

    Sms sms();

    Email email();

    interface Email {
        /**
         * The sender address of e-mail to staff and supervisors. Unset: e-mail off. The SMTP server is Quarkus
         * Mailer's ({@code quarkus.mailer.host}, {@code port}, {@code username}, {@code password}, {@code tls}).
         */
        Optional<String> from();
    }

    interface Sms {
        /** A generic HTTP SMS gateway: a JSON POST of {to, text, idempotencyKey} to this URL. Unset: off. */
        Optional<URI> gatewayUrl();

        /** The header that carries the gateway's credential. */
        @WithDefault("Authorization")
        String authHeader();

        /** The credential sent in {@link #authHeader()} (for example "Bearer ..."). */
        Optional<String> authValue();

        /** Tencent Cloud SMS through its official SDK; used instead of the gateway once configured. */
        Tencent tencent();
    }

    interface Tencent {
        Optional<String> secretId();

        Optional<String> secretKey();

        /** The SMS application's SdkAppId. */
        Optional<String> sdkAppId();

        /** The approved signature (签名), e.g. 某某街道. */
        Optional<String> signName();

        @WithDefault("ap-guangzhou")
        String region();

        /** The API's host (and port); tests point it at a local server. */
        @WithDefault("sms.tencentcloudapi.com")
        String endpoint();

        /** False only for a local test server. */
        @WithDefault("true")
        boolean https();

        /** The approved template's id for each kind of resident message (resident-logged, resident-dispatched, ...). */
        Map<String, String> templates();

        /**
         * The template's parameters, in order, for each kind: names among code, accessCode, link. Default "code,link",
         * and "code,accessCode,link" for resident-logged.
         */
        Map<String, String> params();
    }
}
