package org.communitydesk.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestDatabase} for every @QuarkusTest of the suite. */
@QuarkusTestResource(PostgresTestDatabase.class)
public final class UsesPostgresWhenAsked {

    private UsesPostgresWhenAsked() {
    }
}
