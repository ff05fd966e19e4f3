package io.rapport.norms;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/** The {@code local_norm} table. */
@ApplicationScoped
public class LocalNormRepository {

    private final EntityManager em;

    public LocalNormRepository(EntityManager em) {
        this.em = em;
    }

    /** Replaces the version's norms with these, in one transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID organizationId, String questionnaireId, String version, List<LocalNorm> norms) {
        em.createNativeQuery("""
                delete from local_norm where organization_id = :org and questionnaire_id = :questionnaire
                  and questionnaire_version = :version""")
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                .setParameter("version", version).executeUpdate();
        for (LocalNorm n : norms) {
            em.createNativeQuery("""
                    insert into local_norm (organization_id, questionnaire_id, questionnaire_version, scale,
                        computed_at, pairs, responses, reference_sample, mean, sd, within_sd, within_df, noise_sd,
                        differences, alpha, alpha_lower, alpha_upper, alpha_responses, sem)
                    values (:org, :questionnaire, :version, :scale, :computedAt, :pairs, :responses, :sample, :mean,
                        :sd, :withinSd, :withinDf, :noiseSd, :differences, :alpha, :alphaLower, :alphaUpper,
                        :alphaResponses, :sem)""")
                    .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                    .setParameter("version", version).setParameter("scale", n.scale())
                    .setParameter("computedAt", n.computedAt()).setParameter("pairs", n.pairs())
                    .setParameter("responses", n.responses()).setParameter("sample", n.referenceSample())
                    .setParameter("mean", n.mean()).setParameter("sd", n.sd()).setParameter("withinSd", n.withinSd())
                    .setParameter("withinDf", n.withinDf()).setParameter("noiseSd", n.noiseSd())
                    .setParameter("differences", n.differences()).setParameter("alpha", n.alpha())
                    .setParameter("alphaLower", n.alphaLower95()).setParameter("alphaUpper", n.alphaUpper95())
                    .setParameter("alphaResponses", n.alphaResponses()).setParameter("sem", n.sem())
                    .executeUpdate();
        }
    }

    /** The organization's norms, optionally of one questionnaire. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LocalNorm> find(UUID organizationId, String questionnaireId) {
        Query rows = em.createNativeQuery("""
                select questionnaire_id, questionnaire_version, scale, computed_at, pairs, responses,
                       reference_sample, mean, sd, within_sd, within_df, noise_sd, differences, alpha, alpha_lower,
                       alpha_upper, alpha_responses, sem
                from local_norm where organization_id = :org
                  and (cast(:questionnaire as varchar) is null or questionnaire_id = :questionnaire)
                order by questionnaire_id, questionnaire_version, scale""", Tuple.class)
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId);
        return NativeColumns.tuples(rows).stream().map(LocalNormRepository::row).toList();
    }

    private static LocalNorm row(Tuple r) {
        Long alphaResponses = NativeColumns.number(r, "alpha_responses");
        return new LocalNorm(r.get("questionnaire_id", String.class), r.get("questionnaire_version", String.class),
                r.get("scale", String.class), NativeColumns.instant(r, "computed_at"), integer(r, "pairs"),
                integer(r, "responses"), r.get("reference_sample", String.class), decimal(r, "mean"), decimal(r, "sd"),
                decimal(r, "within_sd"), integer(r, "within_df"), decimal(r, "noise_sd"), integer(r, "differences"),
                decimal(r, "alpha"), decimal(r, "alpha_lower"), decimal(r, "alpha_upper"),
                alphaResponses == null ? null : alphaResponses.intValue(), decimal(r, "sem"));
    }

    private static int integer(Tuple r, String column) {
        return NativeColumns.number(r, column).intValue();
    }

    private static Double decimal(Tuple r, String column) {
        Object value = r.get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
