package io.rapport.cds;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CDS Hooks service call. {@code fhirServer}, {@code fhirAuthorization} and {@code prefetch} are accepted and
 * ignored: Rapport holds the data itself and calls no FHIR server back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HookRequest(String hookInstance, String hook, String fhirServer, JsonNode fhirAuthorization,
        Map<String, Object> context, JsonNode prefetch) {
}
