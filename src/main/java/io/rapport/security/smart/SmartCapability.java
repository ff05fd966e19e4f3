package io.rapport.security.smart;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

import io.rapport.fhir.CapabilityContributor;

/** States SMART-on-FHIR as the security service, with the token endpoint in SMART's oauth-uris extension. */
@ApplicationScoped
public class SmartCapability implements CapabilityContributor {

    static final String SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private final SmartClientService clients;

    public SmartCapability(SmartClientService clients) {
        this.clients = clients;
    }

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var security = rest.getSecurity();
        security.addService(smart());
        Extension uris = security.addExtension().setUrl(OAUTH_URIS);
        uris.addExtension("token", new UriType(clients.tokenEndpoint()));
    }

    private static CodeableConcept smart() {
        CodeableConcept service = new CodeableConcept();
        service.addCoding().setSystem(SERVICE_SYSTEM).setCode("SMART-on-FHIR").setDisplay("SMART-on-FHIR");
        service.setText("OAuth2 client credentials with private_key_jwt (SMART Backend Services)");
        return service;
    }
}
