package org.communitydesk.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Photos in S3Proxy's bucket instead of the filesystem (communitydesk.photos.store=s3); and Open311 media_url
 * fetched from the loopback address, which the default test settings refuse (one profile, one start for both). The
 * host itself, 127.0.0.1, is allowed by Open311MediaUrlTest through the ADMIN's API, as an installation would.
 */
public class S3StoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("communitydesk.open311.media-allow-private-addresses", "true",
                "communitydesk.open311.media-timeout", "15S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyServer.class));
    }
}
