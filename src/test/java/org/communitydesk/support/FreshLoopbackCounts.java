package org.communitydesk.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.util.List;
import org.communitydesk.common.ClientFailure;

/**
 * Each test starts with no failures counted against the test client's own address (the per-address
 * limits are shared by the whole suite's database, and all tests call from loopback unless they send
 * X-Forwarded-For). Tests of the limits use addresses of their own.
 */
public class FreshLoopbackCounts implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        QuarkusTransaction.requiringNew().run(
                () -> ClientFailure.delete("address in ?1", List.of("127.0.0.1", "0:0:0:0:0:0:0:1")));
    }
}
