package org.communitydesk.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Demo data on, in an empty database of its own (on PostgreSQL the test resource gives each start a new one), and
 * client addresses as in production, without X-Forwarded-For. Shared by DemoDataTest and SpoofedAddressTest, so
 * that the two cost one start.
 */
public class DemoDataProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("communitydesk.demo.enabled", "true",
                "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:communitydesk-demo;DB_CLOSE_DELAY=-1",
                "%test.quarkus.http.proxy.proxy-address-forwarding", "false",
                "%test.quarkus.http.proxy.allow-x-forwarded", "false");
    }
}
