package io.rapport.security.smart;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CodeableConcept;

import io.rapport.fhir.CapabilityContributor;

/**
 * States SMART-on-FHIR as the security service. The token endpoint is published in
 * {@code /.well-known/smart-configuration}, not in SMART's older oauth-uris extension: that extension requires an
 * {@code authorize} endpoint, which Backend Services (client credentials only) do not have, so a statement carrying
 * it fails validation against its own profile.
 */
@ApplicationScoped
public class SmartCapability implements CapabilityContributor {

    static final String SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var security = rest.getSecurity();
        security.addService(smart());
    }

    private static CodeableConcept smart() {
        CodeableConcept service = new CodeableConcept();
        service.addCoding().setSystem(SERVICE_SYSTEM).setCode("SMART-on-FHIR").setDisplay("SMART-on-FHIR");
        service.setText("OAuth2 client credentials with private_key_jwt (SMART Backend Services)");
        return service;
    }
}
