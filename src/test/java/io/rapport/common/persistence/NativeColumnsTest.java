package io.rapport.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The rows {@link NativeColumns#tuples} hands over behave as Hibernate's own tuples did. */
@QuarkusTest
class NativeColumnsTest {

    @Inject
    EntityManager em;

    @Test
    void shouldReadEachRowByNameIgnoringCaseAndByPosition() {
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> NativeColumns.tuples(em.createNativeQuery("""
                select n as number, 'row ' || n as "Label", case when n = 2 then null else n * 10 end as tens,
                       timestamptz '2026-12-03 10:00:00+00' + n * interval '1 minute' as at
                from generate_series(1, 3) n order by n""", Tuple.class)));
        assertThat(rows).hasSize(3);
        Tuple second = rows.get(1);
        assertThat(NativeColumns.number(second, "number")).isEqualTo(2L);
        assertThat(second.get("label", String.class)).isEqualTo("row 2");
        assertThat(second.get("LABEL")).isEqualTo("row 2");
        assertThat(second.get("tens")).isNull();
        assertThat(NativeColumns.number(rows.get(2), "tens")).isEqualTo(30L);
        assertThat(NativeColumns.instant(rows.get(0), "at")).isEqualTo(Instant.parse("2026-12-03T10:01:00Z"));
        assertThat(second.get(1)).isEqualTo("row 2");
        assertThat(second.toArray()).hasSize(4);
        assertThat(second.getElements()).extracting(e -> e.getAlias()).containsExactly("number", "Label", "tens",
                "at");
    }

    @Test
    void shouldRefuseAnUnknownColumnAndAWrongType() {
        Tuple row = QuarkusTransaction.requiringNew()
                .call(() -> NativeColumns.tuples(em.createNativeQuery("select 'x' as name", Tuple.class))).get(0);
        assertThatThrownBy(() -> row.get("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> row.get(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row.get("name", Integer.class)).isInstanceOf(ClassCastException.class);
    }
}
