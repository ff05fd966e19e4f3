package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

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
        assertThat(questionnaires).containsExactly("patient-empathy-5", "session-rating-4",
                "session-rating-4-prediction", "wai-sr");
        // The therapist's predictions are theirs: answered on the pair page, never a trend, never an alert.
        assertThat(strings("select distinct r.channel from response r join organization o"
                + " on o.id = r.organization_id where o.slug = 'demo' and r.questionnaire_id like '%-prediction'"))
                .containsExactly("pair-page");
        assertThat(strings("select distinct a.questionnaire_id from alert a join organization o"
                + " on o.id = a.organization_id where o.slug = 'demo' and a.questionnaire_id like '%-prediction'"))
                .isEmpty();
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

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }
}
