package org.communitydesk.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every test signs in as the test administrator by default. It is a Quarkus callback (registered in
 * META-INF/services) because tests run in Quarkus' class loader, whose RestAssured is not the one a
 * plain JUnit extension would configure. Tests of roles and scope give other credentials per
 * request, and tests of 401 use {@code given().auth().none()}.
 */
public class SignInAsAdmin implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }
}
