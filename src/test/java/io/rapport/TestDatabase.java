package io.rapport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the throwaway database for every {@code @QuarkusTest} in the module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
