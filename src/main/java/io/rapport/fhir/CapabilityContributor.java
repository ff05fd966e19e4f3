package io.rapport.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;

/**
 * A part of the facade that serves a resource type says here what it supports, next to the code that supports
 * it, so the CapabilityStatement cannot promise more than is there.
 */
public interface CapabilityContributor {

    void contribute(CapabilityStatementRestComponent rest);
}
