package org.communitydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How often a Basic client pays a bcrypt check: once when it starts, however many connections it opens at
 * once, and again only after it has been idle. Every bcrypt check that succeeds writes one LOGIN_SUCCEEDED
 * security event, so the events count the checks.
 */
@QuarkusTest
class VerifiedLoginsKeptTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientInSteadyUseIsCheckedOnceNotEveryMinute() {
        User user = TestUsers.staff("steady-client", "beixinyuan");
        user.request().when().get("/api/me").then().statusCode(200);
        assertThat(bcryptSuccesses(user)).isEqualTo(1);

        // A client polling every few minutes for a quarter of an hour: no further check.
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(4));
            user.request().when().get("/api/me").then().statusCode(200);
        }
        assertThat(bcryptSuccesses(user)).isEqualTo(1);

        // Idle for longer than VerifiedLogins.IDLE_TIME: checked again.
        clock.advance(VerifiedLogins.IDLE_TIME.plusMinutes(1));
        user.request().when().get("/api/me").then().statusCode(200);
        assertThat(bcryptSuccesses(user)).isEqualTo(2);
    }

    @Test
    void connectionsOpenedAtOnceShareOneCheck() throws Exception {
        User user = TestUsers.staff("many-connections", "beixinyuan");
        ExecutorService connections = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Integer>> answers = IntStream.range(0, 8).mapToObj(i -> connections.submit(() -> {
                gate.await();
                return user.request().when().get("/api/me").statusCode();
            })).toList();
            gate.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            connections.shutdownNow();
        }
        assertThat(bcryptSuccesses(user)).as("bcrypt checks for 8 requests sent at once").isEqualTo(1);
    }

    private static long bcryptSuccesses(User user) {
        return QuarkusTransaction.requiringNew().call(() -> SecurityEvent.count("username = ?1 and type = ?2",
                user.username(), SecurityEventType.LOGIN_SUCCEEDED));
    }
}
