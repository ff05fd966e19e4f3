package io.rapport.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SearchParamsTest {

    @Test
    void shouldUndoTheSearchEscapesAsHapisClientSendsACanonical() {
        assertThat(SearchParams.unescape("urn:q/a\\|1.0.0")).isEqualTo("urn:q/a|1.0.0");
        assertThat(SearchParams.unescape("a\\,b\\$c\\\\d")).isEqualTo("a,b$c\\d");
        assertThat(SearchParams.unescape("plain|1")).isEqualTo("plain|1");
        assertThat(SearchParams.unescape(null)).isNull();
    }

    @Test
    void shouldReadADayAsTheWholeDay() {
        SearchParams.Range range = SearchParams.dates(List.of("ge2026-11-20", "le2026-11-20"), "authored");
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(range.before()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void shouldRefuseADateThatIsNotOne() {
        assertThatThrownBy(() -> SearchParams.dates(List.of("ge20-11"), "authored"))
                .isInstanceOf(FhirException.class);
    }
}
