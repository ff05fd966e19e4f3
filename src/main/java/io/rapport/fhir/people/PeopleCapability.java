package io.rapport.fhir.people;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import io.rapport.fhir.CapabilityContributor;
import io.rapport.fhir.ProgramTags;

@ApplicationScoped
public class PeopleCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        for (String type : new String[] { "Patient", "Practitioner" }) {
            var resource = rest.addResource().setType(type).setConditionalUpdate(true)
                    .setConditionalDelete(ConditionalDeleteStatus.NOTSUPPORTED);
            boolean practitioner = type.equals("Practitioner");
            resource.addInteraction().setCode(TypeRestfulInteraction.READ).setDocumentation(practitioner
                    ? "meta.tag lists the therapist's program tags (" + ProgramTags.SYSTEM + ")"
                    : null);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            resource.addInteraction().setCode(TypeRestfulInteraction.UPDATE)
                    .setDocumentation("Conditional update by identifier only: PUT /fhir/" + type + "?identifier="
                            + (practitioner ? "; meta.tag codings of " + ProgramTags.SYSTEM
                                    + " replace the program tags, which stay when there is none" : ""));
            resource.addSearchParam().setName("identifier").setType(SearchParamType.TOKEN)
                    .setDocumentation("The EHR's id; a system, if given, is not compared");
            resource.addSearchParam().setName("_id").setType(SearchParamType.TOKEN);
        }
    }
}
