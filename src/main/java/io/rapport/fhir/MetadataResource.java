package io.rapport.fhir;

import java.util.Comparator;
import java.util.Date;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/** What the facade supports; public, as FHIR clients read it before they authenticate. */
@Path("/fhir/metadata")
@Tag(name = "FHIR")
@PermitAll
@Produces(Fhir.JSON)
public class MetadataResource {

    /** Fixed at start: the statement describes this running version of the server. */
    private static final Date STARTED = new Date();

    private final Instance<CapabilityContributor> contributors;

    public MetadataResource(Instance<CapabilityContributor> contributors) {
        this.contributors = contributors;
    }

    @GET
    @Operation(summary = "FHIR CapabilityStatement: resources, interactions, search parameters, security")
    public CapabilityStatement metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE).setDate(STARTED).setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1).setName("Rapport").setTitle("Rapport FHIR R4 facade")
                .setPublisher("Rapport");
        statement.addFormat(Fhir.JSON).addFormat("json");
        statement.getSoftware().setName("Rapport");
        statement.getImplementation().setDescription(
                "Therapeutic-alliance questionnaires, responses and scores over the same data as /api/v1");
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Authorization: Bearer <API key or access token>, as on /api/v1. "
                + "Another organization's resources are not found.");
        contributors.forEach(c -> c.contribute(rest));
        rest.getResource().sort(Comparator.comparing(r -> r.getType()));
        return statement;
    }
}
