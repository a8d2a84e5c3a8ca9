package org.communitydesk.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** CommunityDesk's own settings, under the {@code communitydesk} prefix. */
@ConfigMapping(prefix = "communitydesk")
public interface AppConfig {

    /** The installation's time zone, for local days and years (tracking codes, pages, reports). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Demo demo();

    Admin admin();

    Open311 open311();

    SecurityLog securityLog();

    Jobs jobs();

    ReferenceData referenceData();

    Http http();

    /**
     * The address the public reaches the service at, such as https://desk.example.cn: the Open311
     * discovery document and the Location of every 201 and redirect are built on it, never on the
     * request's Host header. Its host name is accepted in Host (see {@link #allowedHosts()}).
     */
    @WithName("public-base-url")
    Optional<java.net.URI> publicBaseUrl();

    /**
     * Host names (no port) the service answers for, besides the public base URL's. Unset with no public base
     * URL either: only localhost, 127.0.0.1 and ::1. Any other Host header gets 400.
     */
    @WithName("allowed-hosts")
    Optional<java.util.List<String>> allowedHosts();

    interface Http {
        /**
         * The longest request line (path and query) served; a longer one gets an answer that says so
         * (see {@link RequestLineLimit}). Keep quarkus.http.limits.max-initial-line-length well above it.
         */
        @WithDefault("32K")
        io.quarkus.runtime.configuration.MemorySize maxRequestLine();

        /**
         * The largest JSON or form body; a larger one gets a problem+json 413 ({@link BodySizeLimit}). Photo uploads
         * have their own limit; quarkus.http.limits.max-body-size is only the outer bound and must stay above both.
         */
        @WithDefault("256K")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();
    }

    interface SecurityLog {
        /** How long security-log rows are kept; housekeeping removes older ones. */
        @WithDefault("180d")
        Duration retention();
    }

    /** Areas and categories, kept in every instance's second-level cache (directory.ReferenceDataVersion). */
    interface ReferenceData {
        /**
         * How often each instance checks whether another changed an area or category, and drops its cached copies
         * if so: the longest another instance can show a community's old footprint ("off" for a single instance).
         */
        @WithDefault("5s")
        String checkEvery();
    }

    /** Background jobs; each runs on one instance per run, whatever the number of instances. */
    interface Jobs {
        AutoClose autoClose();

        Housekeeping housekeeping();

        Escalation escalation();

        Figures figures();

        /**
         * How long a run may hold its job's lease: if an instance dies mid-run, another takes the job over after
         * this. Longer than any run should take.
         */
        @WithDefault("30m")
        Duration lease();

        interface AutoClose {
            /** How often resolved tickets past their feedback window are closed ("off" switches it off). */
            @WithDefault("5m")
            String every();
        }

        interface Escalation {
            /** How often open tickets are marked at risk and overdue ("off" switches it off). */
            @WithDefault("1m")
            String every();
        }

        interface Figures {
            /**
             * How often the dashboard's figures per day (ticket_figures) are computed again where tickets changed
             * ("off" switches it off; the dashboard then reads every period from the tickets).
             */
            @WithDefault("15s")
            String every();
        }

        interface Housekeeping {
            /** How often expired guard rows and old security-log rows are removed ("off" switches it off). */
            @WithDefault("1h")
            String every();
        }
    }

    interface Admin {
        /** User name of the first administrator, created at start-up when the database has no users. */
        @WithDefault("admin")
        String username();

        /** Password of the first administrator (COMMUNITYDESK_ADMIN_PASSWORD); never has a default. */
        Optional<String> password();
    }

    /** What the Open311 discovery document tells client developers. */
    interface Open311 {
        /** How to reach the people who run the service. */
        @WithDefault("请联系区政府网格化服务管理中心。Contact the district's community service management centre.")
        String contact();

        /** How to get an API key for POST requests. */
        @WithDefault("API 密钥由 CommunityDesk 管理员签发。API keys are issued by the CommunityDesk administrator.")
        String keyService();

        /**
         * The public base URL of the GeoReport v2 endpoint, such as https://desk.example.cn/open311/v2;
         * when unset, it is taken from the request (wrong behind a proxy that rewrites paths).
         */
        Optional<String> endpointUrl();

        /**
         * The status of a successful POST requests: 200, as the spec's examples and most clients expect, or 201
         * (with the same body and Location) for clients that want it.
         */
        @WithDefault("200")
        int createdStatus();

        /**
         * Hosts a POST's media_url may be fetched from (exact names, such as img.example.cn), besides those an ADMIN
         * allows through /api/open311/media-hosts; from any other host the URL is kept as text in the description.
         * None by default. A fixed part of the list: the API cannot remove these.
         */
        Optional<List<String>> mediaHosts();

        /** Let media_url name a loopback or private-range address (tests only: it lets a client probe our network). */
        @WithDefault("false")
        boolean mediaAllowPrivateAddresses();

        /** How long fetching a media_url may take, connecting and reading together. */
        @WithDefault("10S")
        Duration mediaTimeout();

        /** PUBLIC or INTERNAL: whether a request's photo is shown to residents (and as media_url on GET). */
        @WithDefault("INTERNAL")
        String mediaVisibility();
    }

    interface Demo {
        /** Load the seed stories as tickets at start-up when the database has no tickets yet. */
        @WithName("enabled")
        @WithDefault("false")
        boolean enabled();
    }
}
