package io.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.Web;

@QuarkusTest
class DemoSeederTest {

    @Inject
    DemoSeeder seeder;
    @Inject
    EntityManager em;

    @Test
    void shouldSeedOnceWithTwelveDesignedPairsTwentyFourSteadyOnesAndWorkingLogins() {
        // Another test of this run may have seeded first: the test database is shared.
        seeder.seed();
        assertThat(seeder.seed()).isFalse();

        List<Long> counts = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(s) from TherapySession s, Organization o where o.slug = :slug"
                        + " and s.organizationId = o.id group by s.pairId order by count(s)",
                Long.class)
                .setParameter("slug", DemoSeeder.SLUG).getResultList());
        assertThat(counts).hasSize(DemoSeeder.PAIRS + DemoSeeder.BACKGROUND_PAIRS).hasSize(36);
        assertThat(counts.get(0)).isEqualTo(3);
        assertThat(counts.get(35)).isEqualTo(40);

        Web.Session therapist = Web.login(DemoSeeder.THERAPIST_USERNAME, DemoSeeder.THERAPIST_PASSWORD);
        String caseload = therapist.spec().get("/app").then().statusCode(200).extract().asString();
        assertThat(caseload).contains("Pairs 1–8 of 8");
        Web.Session admin = Web.login(DemoSeeder.ADMIN_USERNAME, DemoSeeder.ADMIN_PASSWORD);
        assertThat(admin.spec().get("/app").asString()).contains("of 36");
    }
}
