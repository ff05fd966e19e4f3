package io.rapport.fhir.response;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import io.rapport.fhir.CapabilityContributor;

@ApplicationScoped
public class QuestionnaireResponseCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var resource = rest.addResource().setType("QuestionnaireResponse")
                .setDocumentation("Every stored response, from the form, the JSON API or FHIR; id = the response id");
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addInteraction().setCode(TypeRestfulInteraction.CREATE)
                .setDocumentation("Completes the Task in basedOn (or the extension " + ResponseMapper.TASK_EXTENSION
                        + "); scored like a form submission; 409 when the Task is already answered");
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE);
        resource.addSearchParam().setName("questionnaire").setType(SearchParamType.REFERENCE)
                .setDocumentation("The canonical url, or url|version");
        resource.addSearchParam().setName("authored").setType(SearchParamType.DATE)
                .setDocumentation("Prefixes eq (default), ge, le, gt, lt; repeat to AND");
        resource.addSearchParam().setName("_lastUpdated").setType(SearchParamType.DATE)
                .setDocumentation("The same as authored: a stored response never changes");
    }
}
