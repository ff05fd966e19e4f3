package io.rapport.fhir.encounter;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

import io.rapport.fhir.CapabilityContributor;
import io.rapport.fhir.ProgramTags;

@ApplicationScoped
public class EncounterCapability implements CapabilityContributor {

    @Override
    public void contribute(CapabilityStatementRestComponent rest) {
        var encounter = rest.addResource().setType("Encounter").setConditionalCreate(true);
        encounter.addInteraction().setCode(TypeRestfulInteraction.CREATE)
                .setDocumentation("Records a session like POST /api/v1/sessions; If-None-Exist: identifier=<the"
                        + " EHR's encounter id> replays an earlier one; meta.tag codings of " + ProgramTags.SYSTEM
                        + " are added to the pair's own program tags");
        encounter.addInteraction().setCode(TypeRestfulInteraction.READ)
                .setDocumentation("A session by its id; a joint session by its group's id, with a contained Group"
                        + " of its Patients as subject; meta.tag lists its programs (" + ProgramTags.SYSTEM
                        + "): the pair's own tags and the therapist's");
    }
}
