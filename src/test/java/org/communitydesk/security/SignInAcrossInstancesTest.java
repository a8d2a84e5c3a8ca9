package org.communitydesk.security;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TestUsers;
import org.communitydesk.support.TestUsers.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Another instance changes a user: here simulated by updating the row with SQL, which never reaches this
 * process's cache of verified sign-ins ({@link VerifiedLogins#forget} is not called). The next request
 * with credentials still in that cache must be refused at once, however long they have been kept there.
 */
@QuarkusTest
class SignInAcrossInstancesTest {

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUserDisabledElsewhereIsRefusedAtOnce() {
        User user = cachedStaff("elsewhere-disabled");

        update("update app_user set enabled = false, version = version + 1 where username = ?1", user.username());

        user.request().when().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aPasswordResetElsewhereRefusesTheOldPasswordAtOnceAndTakesTheNewOne() {
        User user = cachedStaff("elsewhere-reset");
        String newPassword = "reset-on-another-instance";

        update("update app_user set password_hash = ?2, version = version + 1 where username = ?1", user.username(),
                BcryptUtil.bcryptHash(newPassword, AppUser.BCRYPT_COST));

        user.request().when().get("/api/me").then().statusCode(401);
        user.withPassword(newPassword).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo(user.username()));
    }

    /** A staff user whose credentials were just verified, so that the next request is a cache hit. */
    private User cachedStaff(String prefix) {
        User user = TestUsers.staff(prefix, "beixinyuan");
        user.request().when().get("/api/me").then().statusCode(200);
        user.request().when().get("/api/me").then().statusCode(200);
        // Kept for minutes while in use (VerifiedLogins), and still checked against the row on every hit.
        clock.advance(Duration.ofMinutes(5));
        user.request().when().get("/api/me").then().statusCode(200);
        return user;
    }

    private void update(String sql, Object... parameters) {
        int rows = QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
        if (rows != 1) {
            throw new IllegalStateException("expected to change one user, changed " + rows);
        }
    }
}
