package org.communitydesk.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service with Quarkus' own request-target check switched off, because that check answers a
 * target that {@link java.net.URI} cannot parse ({@code /api/tickets/%ZZ}) with an empty 400 before any
 * route runs. {@link MalformedRequestTarget} makes the same check as the router's first route and answers
 * with a problem (the error list under /open311/). An operator's own {@code -Dvertx.disableURIValidation}
 * is left as given. The tests and {@code quarkus:dev} start Quarkus without (or before) this class, so the
 * build sets the property for them (pom.xml).
 */
@QuarkusMain
public class CommunityDeskMain {

    static final String QUARKUS_URI_CHECK_OFF = "vertx.disableURIValidation";

    public static void main(String... args) {
        if (System.getProperty(QUARKUS_URI_CHECK_OFF) == null) {
            System.setProperty(QUARKUS_URI_CHECK_OFF, "true");
        }
        Quarkus.run(args);
    }
}
