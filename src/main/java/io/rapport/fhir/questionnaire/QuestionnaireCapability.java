package io.rapport.fhir.questionnaire;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import io.rapport.fhir.CapabilityContributor;

@ApplicationScoped
public class QuestionnaireCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var resource = rest.addResource().setType("Questionnaire");
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("url").setType(SearchParamType.URI)
                .setDocumentation("Also url|version, which returns exactly that version");
        resource.addSearchParam().setName("version").setType(SearchParamType.TOKEN);
        resource.addSearchParam().setName("name").setType(SearchParamType.STRING);
        resource.addSearchParam().setName("status").setType(SearchParamType.TOKEN);
    }
}
