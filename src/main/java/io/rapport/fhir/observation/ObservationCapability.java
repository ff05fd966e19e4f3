package io.rapport.fhir.observation;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import io.rapport.fhir.CapabilityContributor;

@ApplicationScoped
public class ObservationCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var observation = rest.addResource().setType("Observation")
                .setDocumentation("One per score (total and each subscale) of a scored response, id <response id>-<scale>");
        observation.addInteraction().setCode(TypeRestfulInteraction.READ);
        observation.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        observation.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("Required");
        observation.addSearchParam().setName("code").setType(SearchParamType.TOKEN)
                .setDocumentation(ObservationMapper.SCORE_SYSTEM + "|<instrument>/<scale>, or the code alone");
        observation.addSearchParam().setName("date").setType(SearchParamType.DATE)
                .setDocumentation("The session's time; eq, ge, le, gt, lt. _sort=date or -date (the default)");
        var flag = rest.addResource().setType("Flag")
                .setDocumentation("An alert (a trend event raised for attention): active while open, its period"
                        + " from raising to acknowledgement");
        flag.addInteraction().setCode(TypeRestfulInteraction.READ);
        flag.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        flag.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE).setDocumentation("Required");
    }
}
