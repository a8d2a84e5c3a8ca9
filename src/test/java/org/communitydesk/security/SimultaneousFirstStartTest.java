package org.communitydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.communitydesk.demo.DemoData;
import org.communitydesk.ticket.Ticket;
import org.junit.jupiter.api.Test;

/**
 * Two instances starting at the same moment on an empty database: the first accounts and the demo tickets are
 * made once. Start-up observers are switched off here, so that the database is untouched when the test starts;
 * the test then runs the start-up work of two "instances" on two threads at once.
 */
@QuarkusTest
@TestProfile(SimultaneousFirstStartTest.NothingAtStart.class)
class SimultaneousFirstStartTest {

    public static class NothingAtStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An empty database of its own (on PostgreSQL the test resource gives each start a new one). On H2 a
            // lock wait gives up after 1 s instead of 10, so the waiting instance also goes through its retries.
            return Map.of("communitydesk.demo.enabled", "true",
                    "quarkus.arc.test.disable-application-lifecycle-observers", "true",
                    "%test.quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:communitydesk-first-start;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=1000");
        }
    }

    @Inject
    AccountBootstrap accounts;

    @Inject
    DemoData demoData;

    @Test
    void twoInstancesStartingTogetherMakeEverythingOnce() throws Exception {
        assertThat(count("AppUser")).as("nothing was made at start").isZero();
        assertThat(count("Ticket")).isZero();

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> startUp(together));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> startUp(together));
        // Both start without an error (no duplicate user name, no second load).
        a.get(180, TimeUnit.SECONDS);
        b.get(180, TimeUnit.SECONDS);

        int expectedUsers = 1 + AccountBootstrap.DEMO_USERS.size();
        assertThat(count("AppUser")).isEqualTo(expectedUsers);
        assertThat(count("Ticket")).isEqualTo(12);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SecurityEvent.count("type", SecurityEventType.USER_CREATED)))
                .isEqualTo(expectedUsers);

        // A third start later changes nothing.
        startUp(null);
        assertThat(count("AppUser")).isEqualTo(expectedUsers);
        assertThat(count("Ticket")).isEqualTo(12);
    }

    private void startUp(CyclicBarrier together) {
        if (together != null) {
            try {
                together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        accounts.onStart(null);
        demoData.load();
    }

    private static long count(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> entity.equals("AppUser") ? AppUser.count() : Ticket.count());
    }
}
