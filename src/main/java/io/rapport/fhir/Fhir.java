package io.rapport.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The one HAPI FHIR R4 context of the application. Building it scans the whole model, so it is made once; parsers
 * are cheap and not thread-safe, so each call gets its own.
 */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    /** Rapport's own CodeSystems and identifier systems live under this base. */
    public static final String SYSTEM_BASE = "urn:rapport:fhir:";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /** A parser that refuses unknown elements and invalid values instead of dropping them silently. */
    public static IParser strictParser() {
        return CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    public static String encode(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }
}
