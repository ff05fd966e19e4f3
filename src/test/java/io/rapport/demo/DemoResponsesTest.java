package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.ResponseType;

@QuarkusTest
class DemoResponsesTest {

    @Inject
    DemoSeeder seeder;
    @Inject
    EntityManager em;

    @Test
    void shouldGiveTheDemoScoredAnswersAlertsAJointCoupleAndAnEmpathyMeasure() {
        seeder.seed();
        List<String> questionnaires = strings("select distinct r.questionnaire_id from response r"
                + " join organization o on o.id = r.organization_id where o.slug = 'demo' order by 1");
        assertThat(questionnaires).containsExactly("patient-empathy-5", "session-rating-4", "wai-sr");
        List<String> alertTypes = strings("select distinct a.type from alert a"
                + " join organization o on o.id = a.organization_id where o.slug = 'demo' and a.status = 'open'"
                + " order by 1");
        assertThat(alertTypes).contains("below-cutoff", "no-response", "repair", "unrepaired");
        List<String> jointPairs = strings("select cast(count(distinct s.pair_id) as text) from session s"
                + " join organization o on o.id = s.organization_id where o.slug = 'demo' and s.group_id is not null");
        assertThat(jointPairs).containsExactly("2");
        List<String> unscored = strings("select cast(count(*) as text) from response r"
                + " join organization o on o.id = r.organization_id where o.slug = 'demo' and not r.scored");
        assertThat(unscored).containsExactly("0");
    }

    @Test
    void shouldAnswerOnTheItemsStepWithinItsRange() {
        Item vas = new Item("1", null, ResponseType.VAS, BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("0.1"), null,
                false, false);
        Item reversed = new Item("2", null, ResponseType.LIKERT, BigDecimal.ONE, new BigDecimal("5"), null, null,
                true, false);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            BigDecimal v = DemoResponses.value(vas, i / 200.0, random);
            assertThat(v).isBetween(BigDecimal.ZERO, BigDecimal.TEN);
            assertThat(v.remainder(new BigDecimal("0.1")).signum()).isZero();
            BigDecimal r = DemoResponses.value(reversed, 1.0, random);
            assertThat(r.stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
            assertThat(r).isBetween(BigDecimal.ONE, new BigDecimal("2"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }
}
