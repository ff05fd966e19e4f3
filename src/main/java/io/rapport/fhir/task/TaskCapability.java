package io.rapport.fhir.task;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import io.rapport.fhir.CapabilityContributor;

@ApplicationScoped
public class TaskCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var resource = rest.addResource().setType("Task")
                .setDocumentation("Each assignment as an SDC questionnaire Task; id = the assignment id");
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE);
        resource.addSearchParam().setName("status").setType(SearchParamType.TOKEN)
                .setDocumentation("requested (open), completed, cancelled (expired or withdrawn); comma for any");
        resource.addSearchParam().setName("encounter").setType(SearchParamType.REFERENCE)
                .setDocumentation("Encounter/<id>: the session");
    }
}
