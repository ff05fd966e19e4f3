package io.rapport.fhir.questionnaire;

import static io.rapport.fhir.FhirApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.restassured.response.Response;

@QuarkusTest
class QuestionnaireFhirResourceTest {

    static final String SRS = "urn:rapport:fhir:Questionnaire/session-rating-4";

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldServeEveryCatalogVersionAsAQuestionnaire() {
        List<String> catalog = Api.as(key).get("/api/v1/questionnaires").then()
                .statusCode(200).extract().jsonPath().getList("collect { it.id + '-' + it.version }", String.class);
        Bundle bundle = search(as(key).queryParam("_count", 100).get("/fhir/Questionnaire"));

        assertThat(bundle.getTotal()).isEqualTo(catalog.size());
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactlyInAnyOrderElementsOf(catalog);
    }

    @Test
    void shouldMapAVisualAnalogueItemToAnSdcSlider() {
        Questionnaire q = read("session-rating-4-1.0.0");

        assertThat(q.getUrl()).isEqualTo(SRS);
        assertThat(q.getVersion()).isEqualTo("1.0.0");
        assertThat(q.getName()).isEqualTo("SessionRating4");
        assertThat(q.getTitle()).isNotBlank();
        assertThat(q.getItem()).extracting(QuestionnaireItemComponent::getLinkId).containsExactly("1", "2", "3",
                "4");
        QuestionnaireItemComponent item = q.getItemFirstRep();
        assertThat(item.getType()).isEqualTo(QuestionnaireItemType.DECIMAL);
        assertThat(item.getRequired()).isTrue();
        Coding control = (Coding) item.getExtensionByUrl(QuestionnaireMapper.ITEM_CONTROL).getValue()
                .getNamedProperty("coding").getValues().get(0);
        assertThat(control.getCode()).isEqualTo("slider");
        assertThat(item.getExtensionByUrl(QuestionnaireMapper.MIN_VALUE).getValue().primitiveValue())
                .isEqualTo("0");
        assertThat(item.getExtensionByUrl(QuestionnaireMapper.MAX_VALUE).getValue().primitiveValue())
                .isEqualTo("10");
        // A 0.1 step cannot be an R4 sliderStepValue (an integer), so it is said as one decimal place.
        assertThat(item.getExtensionByUrl(QuestionnaireMapper.MAX_DECIMAL_PLACES).getValue().primitiveValue())
                .isEqualTo("1");
        assertThat(item.getText()).contains("Placeholder");
    }

    @Test
    void shouldMapALikertItemToAnswerOptions() {
        Questionnaire q = search(as(key).queryParam("name", "wai").get("/fhir/Questionnaire")).getEntry().stream()
                .map(e -> (Questionnaire) e.getResource()).findFirst().orElseThrow();
        QuestionnaireItemComponent item = q.getItemFirstRep();

        assertThat(item.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
        assertThat(item.getAnswerOption()).isNotEmpty();
        assertThat(item.getAnswerOption()).allSatisfy(o -> assertThat(o.getValueCoding().getSystem())
                .isEqualTo(QuestionnaireMapper.ANSWER_SYSTEM));
    }

    @Test
    void shouldFindExactlyTheVersionOfACanonicalWithVersion() {
        Bundle bundle = search(as(key).queryParam("url", SRS + "|1.0.0").get("/fhir/Questionnaire"));
        assertThat(bundle.getTotal()).isEqualTo(1);
        assertThat(((Questionnaire) bundle.getEntryFirstRep().getResource()).getVersion()).isEqualTo("1.0.0");

        assertThat(search(as(key).queryParam("url", SRS + "|9.9.9").get("/fhir/Questionnaire")).getTotal())
                .isZero();
        assertThat(search(as(key).queryParam("url", SRS).queryParam("version", "1.0.0")
                .get("/fhir/Questionnaire")).getTotal()).isEqualTo(1);
    }

    @Test
    void shouldMarkUnreleasedVersionsAsDraft() {
        Bundle drafts = search(as(key).queryParam("status", "draft").get("/fhir/Questionnaire"));
        Bundle active = search(as(key).queryParam("status", "active").get("/fhir/Questionnaire"));

        assertThat(drafts.getEntry()).allSatisfy(e -> assertThat(((Questionnaire) e.getResource()).getStatus())
                .isEqualTo(PublicationStatus.DRAFT));
        assertThat(active.getEntry()).isNotEmpty().allSatisfy(e -> assertThat(
                ((Questionnaire) e.getResource()).getStatus()).isEqualTo(PublicationStatus.ACTIVE));
        assertThat(drafts.getTotal() + active.getTotal())
                .isEqualTo(search(as(key).get("/fhir/Questionnaire")).getTotal());
    }

    private Questionnaire read(String id) {
        Response r = as(key).get("/fhir/Questionnaire/" + id);
        r.then().statusCode(200);
        return FhirApi.read(r, Questionnaire.class);
    }

    private static Bundle search(Response r) {
        r.then().statusCode(200);
        Bundle bundle = FhirApi.read(r, Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle;
    }
}
