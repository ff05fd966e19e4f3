package io.rapport.fhir.people;

import static io.rapport.fhir.FhirApi.as;
import static io.rapport.fhir.FhirApi.expressions;
import static io.rapport.fhir.FhirApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Api;
import io.rapport.fhir.FhirApi;
import io.rapport.fhir.ProgramTags;
import io.restassured.response.Response;

/** A therapist's program tags as the Practitioner's {@code meta.tag}: read, search and conditional update. */
@QuarkusTest
class PractitionerFhirResourceTest {

    /** A Practitioner t-9 with a name and the given {@code meta.tag} codings (a JSON array, or null for no meta). */
    static String practitioner(String name, String tags) {
        return "{\"resourceType\":\"Practitioner\"," + (tags == null ? "" : "\"meta\":{\"tag\":" + tags + "},")
                + "\"identifier\":[{\"value\":\"t-9\"}],\"name\":[{\"text\":\"" + name + "\"}]}";
    }

    static String program(String code) {
        return "{\"system\":\"urn:rapport:fhir:program\",\"code\":\"" + code + "\"}";
    }

    String key;

    @BeforeEach
    void newOrganization() {
        key = Api.newOrganization();
    }

    @Test
    void shouldShowTheTherapistsTagsAsSortedProgramCodingsOnReadAndSearch() {
        String id = Api.as(key).body("{\"displayName\":\"Dr. Lee\",\"tags\":[\"couples\",\"adolescents\"]}")
                .put("/api/v1/therapists/t-9").then().statusCode(201).extract().path("id");

        Practitioner read = FhirApi.read(as(key).get("/fhir/Practitioner/" + id), Practitioner.class);
        assertThat(read.getMeta().getTag()).extracting(Coding::getSystem)
                .containsOnly("urn:rapport:fhir:program");
        assertThat(codes(read)).containsExactly("adolescents", "couples");
        Bundle found = FhirApi.read(as(key).queryParam("identifier", "t-9").get("/fhir/Practitioner"),
                Bundle.class);
        assertThat(codes((Practitioner) found.getEntryFirstRep().getResource())).containsExactly("adolescents",
                "couples");
    }

    @Test
    void shouldReplaceTheTagsByAConditionalUpdateIgnoringOtherSystems() {
        Api.as(key).body("{\"tags\":[\"old\"]}").put("/api/v1/therapists/t-9").then().statusCode(201);

        String tags = "[" + program("site-b") + ",{\"system\":\"urn:ehr:labels\",\"code\":\"vip\"},"
                + program("couples") + "," + program("site-b") + "]";
        Response put = as(key).queryParam("identifier", "t-9").body(practitioner("Dr. Lee", tags))
                .put("/fhir/Practitioner");
        put.then().statusCode(200);
        assertThat(codes(FhirApi.read(put, Practitioner.class))).containsExactly("couples", "site-b");
        assertThat(FhirApi.read(put, Practitioner.class).getMeta().getTag()).extracting(Coding::getSystem)
                .containsOnly(ProgramTags.SYSTEM);
        // The JSON API sees the same tags.
        Api.as(key).body("{\"displayName\":\"Dr. Lee\"}").put("/api/v1/therapists/t-9").then().statusCode(200)
                .body("tags", contains("couples", "site-b"));
    }

    @Test
    void shouldKeepTheTagsWhenAnUpdateHasNoProgramCoding() {
        as(key).queryParam("identifier", "t-9").body(practitioner("Dr. Lee", "[" + program("couples") + "]"))
                .put("/fhir/Practitioner").then().statusCode(201);

        Response bare = as(key).queryParam("identifier", "t-9").body(practitioner("Dr. K. Lee", null))
                .put("/fhir/Practitioner");
        bare.then().statusCode(200);
        assertThat(codes(FhirApi.read(bare, Practitioner.class))).containsExactly("couples");
        Response otherSystem = as(key).queryParam("identifier", "t-9")
                .body(practitioner("Dr. Lee", "[{\"system\":\"urn:ehr:labels\",\"code\":\"vip\"}]"))
                .put("/fhir/Practitioner");
        assertThat(codes(FhirApi.read(otherSystem, Practitioner.class))).containsExactly("couples");
        Practitioner read = (Practitioner) FhirApi.read(as(key).queryParam("identifier", "t-9")
                .get("/fhir/Practitioner"), Bundle.class).getEntryFirstRep().getResource();
        assertThat(read.getNameFirstRep().getText()).isEqualTo("Dr. Lee");
        assertThat(codes(read)).containsExactly("couples");
    }

    @Test
    void shouldRefuseABadTagNamingMetaTagAndChangeNothing() {
        as(key).queryParam("identifier", "t-9").body(practitioner("Dr. Lee", "[" + program("couples") + "]"))
                .put("/fhir/Practitioner").then().statusCode(201);

        // Refused values are 422 on /fhir, as for Practitioner.telecom (README, "Errors").
        for (String bad : List.of("[" + program("not ok") + "]", "[" + program("x/y") + "]",
                "[" + program("a".repeat(65)) + "]", "[{\"system\":\"urn:rapport:fhir:program\"}]",
                IntStream.range(0, 21).mapToObj(i -> program("p" + i))
                        .collect(Collectors.joining(",", "[", "]")))) {
            Response refused = as(key).queryParam("identifier", "t-9").body(practitioner("Changed", bad))
                    .put("/fhir/Practitioner");
            assertThat(expressions(outcome(refused, 422))).as(bad).containsOnly("Practitioner.meta.tag");
        }
        Response newOne = as(key).queryParam("identifier", "t-10")
                .body(practitioner("New", "[" + program("not ok") + "]").replace("t-9", "t-10"))
                .put("/fhir/Practitioner");
        assertThat(expressions(outcome(newOne, 422))).containsExactly("Practitioner.meta.tag");

        Practitioner read = (Practitioner) FhirApi.read(as(key).queryParam("identifier", "t-9")
                .get("/fhir/Practitioner"), Bundle.class).getEntryFirstRep().getResource();
        assertThat(read.getNameFirstRep().getText()).as("nothing written").isEqualTo("Dr. Lee");
        assertThat(codes(read)).containsExactly("couples");
        assertThat(FhirApi.read(as(key).queryParam("identifier", "t-10").get("/fhir/Practitioner"), Bundle.class)
                .getTotal()).as("nobody created").isZero();
    }

    private static List<String> codes(Practitioner p) {
        return p.getMeta().getTag().stream().filter(c -> ProgramTags.SYSTEM.equals(c.getSystem()))
                .map(Coding::getCode).toList();
    }
}
