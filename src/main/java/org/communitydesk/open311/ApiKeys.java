package org.communitydesk.open311;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.communitydesk.common.AppMetrics;
import org.communitydesk.common.ForbiddenProblem;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.LogSafe;
import org.communitydesk.common.NotFoundProblem;
import org.communitydesk.directory.Organization;
import org.communitydesk.open311.ApiKeyViews.ApiKeyView;
import org.communitydesk.open311.ApiKeyViews.IssueKeyRequest;
import org.communitydesk.open311.ApiKeyViews.IssuedKeyView;
import org.jboss.logging.Logger;

/** API keys for Open311 POST requests: issued and revoked by ADMIN, checked on every POST. */
@ApplicationScoped
@Transactional
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    @Inject
    Clock clock;

    @Inject
    AppMetrics metrics;

    public IssuedKeyView issue(IssueKeyRequest request, String actor) {
        Organization organization = null;
        if (present(request.organizationCode())) {
            organization = Organization.findByCode(request.organizationCode().strip())
                    .orElseThrow(() -> new InvalidRequestProblem("organizationCode",
                            "No organization with code '" + request.organizationCode().strip() + "'."));
        }
        String application = present(request.application()) ? request.application().strip() : null;
        if (organization == null && application == null) {
            throw new InvalidRequestProblem("application",
                    "Name the organization (organizationCode) or the application that will hold the key.");
        }
        ApiKey.Issued issued;
        do {
            // 48 random bits in the prefix: a clash is next to impossible, and then we draw again.
            issued = ApiKey.issue(organization, application, Boolean.TRUE.equals(request.revealsAccessCode()), actor,
                    clock.instant());
        } while (ApiKey.findByPrefix(issued.key().prefix).isPresent());
        issued.key().persist();
        LOG.infof("Open311 key %s issued by %s to %s%s", issued.key().prefix, actor, LogSafe.of(issued.key().holder()),
                issued.key().revealsAccessCode ? " (reveals access codes)" : "");
        return new IssuedKeyView(issued.plainKey(), ApiKeyView.of(issued.key()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> list() {
        return ApiKey.<ApiKey>list("from ApiKey k left join fetch k.organization order by k.id desc").stream()
                .map(ApiKeyView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKeyView get(String prefix) {
        return ApiKeyView.of(find(prefix));
    }

    /** Stops the key at once; revoking a revoked key changes nothing. */
    public ApiKeyView revoke(String prefix, String actor) {
        ApiKey key = find(prefix);
        if (key.isActive()) {
            key.revoke(actor, clock.instant());
            LOG.infof("Open311 key %s of %s revoked by %s", key.prefix, LogSafe.of(key.holder()), actor);
        }
        return ApiKeyView.of(key);
    }

    /** The active key a POST names, its use recorded; 403 when it is missing, unknown or revoked. */
    ApiKey authenticate(String plainKey, Instant now) {
        if (!present(plainKey)) {
            metrics.count(AppMetrics.OPEN311_REQUESTS, AppMetrics.KEY, "none");
            throw new ForbiddenProblem("api_key is missing; POST requests need the key issued to your application.");
        }
        ApiKey key = ApiKey.findByPlainKey(plainKey).orElse(null);
        if (key == null) {
            metrics.count(AppMetrics.OPEN311_REQUESTS, AppMetrics.KEY, "unknown");
            throw new ForbiddenProblem("Invalid api_key; cannot create the request.");
        }
        // The key's database id: never the key, nor its prefix (the key's first characters).
        metrics.count(AppMetrics.OPEN311_REQUESTS, AppMetrics.KEY, key.isActive() ? Long.toString(key.id) : "revoked");
        if (!key.isActive()) {
            throw new ForbiddenProblem("This api_key was revoked; ask the CommunityDesk administrator for a new one.");
        }
        key.recordUse(now);
        return key;
    }

    private static ApiKey find(String prefix) {
        return ApiKey.findByPrefix(prefix).orElseThrow(() -> new NotFoundProblem("API key", prefix));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
