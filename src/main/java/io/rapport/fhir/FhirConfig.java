package io.rapport.fhir;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The FHIR R4 facade at {@code /fhir}: page sizes of searches. */
@ConfigMapping(prefix = "rapport.fhir")
public interface FhirConfig {

    /** Entries per page of a search that gives no {@code _count}. */
    @WithDefault("20")
    int defaultCount();

    /**
     * The largest {@code _count} a search honours; a larger one is cut to this, so one request cannot make the
     * server build an unbounded Bundle.
     */
    @WithDefault("100")
    int maxCount();
}
