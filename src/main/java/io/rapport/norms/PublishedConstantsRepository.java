package io.rapport.norms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;

/** The {@code published_constants_revision} and {@code published_constant} tables. */
@ApplicationScoped
public class PublishedConstantsRepository {

    private static final String REVISIONS = """
            select r.questionnaire_id, r.questionnaire_version, r.revision, r.withdrawn, r.citation, r.link,
                   r.set_by, r.set_at, c.scale, c.reference_sd, c.reliability
            from published_constants_revision r
            left join published_constant c on c.organization_id = r.organization_id
              and c.questionnaire_id = r.questionnaire_id and c.questionnaire_version = r.questionnaire_version
              and c.revision = r.revision
            where r.organization_id = :org
            """;

    private final EntityManager em;

    public PublishedConstantsRepository(EntityManager em) {
        this.em = em;
    }

    /** Adds the next revision of the version's constants; the caller holds the version's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(UUID organizationId, String questionnaireId, String version, boolean withdrawn, String citation,
            String link, String setBy, Map<String, PublishedConstants.Scale> scales) {
        int revision = ((Number) em.createNativeQuery("""
                select coalesce(max(revision), 0) + 1 from published_constants_revision
                where organization_id = :org and questionnaire_id = :questionnaire
                  and questionnaire_version = :version""")
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                .setParameter("version", version).getSingleResult()).intValue();
        em.createNativeQuery("""
                insert into published_constants_revision (organization_id, questionnaire_id, questionnaire_version,
                    revision, withdrawn, citation, link, set_by)
                values (:org, :questionnaire, :version, :revision, :withdrawn, :citation, :link, :setBy)""")
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                .setParameter("version", version).setParameter("revision", revision)
                .setParameter("withdrawn", withdrawn).setParameter("citation", citation).setParameter("link", link)
                .setParameter("setBy", setBy).executeUpdate();
        scales.forEach((scale, c) -> em.createNativeQuery("""
                insert into published_constant (organization_id, questionnaire_id, questionnaire_version, revision,
                    scale, reference_sd, reliability)
                values (:org, :questionnaire, :version, :revision, :scale, :sd, :reliability)""")
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                .setParameter("version", version).setParameter("revision", revision).setParameter("scale", scale)
                .setParameter("sd", c.referenceSd()).setParameter("reliability", c.reliability()).executeUpdate());
        return revision;
    }

    /** Serializes changes to one instrument version's constants until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID organizationId, String questionnaireId, String version) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "published-constants|" + organizationId + "|" + questionnaireId + "|" + version)
                .getSingleResult();
    }

    /** Every revision of the organization's constants, optionally of one instrument version, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PublishedConstants> revisions(UUID organizationId, String questionnaireId, String version) {
        List<Tuple> rows = NativeColumns.tuples(em.createNativeQuery(REVISIONS + """
                  and (cast(:questionnaire as varchar) is null or r.questionnaire_id = :questionnaire)
                  and (cast(:version as varchar) is null or r.questionnaire_version = :version)
                order by r.questionnaire_id, r.questionnaire_version, r.revision desc, c.scale""", Tuple.class)
                .setParameter("org", organizationId).setParameter("questionnaire", questionnaireId)
                .setParameter("version", version));
        // One row per scale (or one with no scale for a withdrawal): rows of a revision are adjacent.
        List<PublishedConstants> result = new ArrayList<>();
        Tuple head = null;
        Map<String, PublishedConstants.Scale> scales = new LinkedHashMap<>();
        for (Tuple r : rows) {
            if (head != null && !sameRevision(head, r)) {
                result.add(revision(head, scales));
                scales = new LinkedHashMap<>();
            }
            head = r;
            String scale = r.get("scale", String.class);
            if (scale != null) {
                scales.put(scale, new PublishedConstants.Scale(((Number) r.get("reference_sd")).doubleValue(),
                        ((Number) r.get("reliability")).doubleValue()));
            }
        }
        if (head != null) {
            result.add(revision(head, scales));
        }
        return result;
    }

    private static boolean sameRevision(Tuple a, Tuple b) {
        return a.get("questionnaire_id").equals(b.get("questionnaire_id"))
                && a.get("questionnaire_version").equals(b.get("questionnaire_version"))
                && NativeColumns.number(a, "revision").equals(NativeColumns.number(b, "revision"));
    }

    private static PublishedConstants revision(Tuple r, Map<String, PublishedConstants.Scale> scales) {
        return new PublishedConstants(r.get("questionnaire_id", String.class),
                r.get("questionnaire_version", String.class), NativeColumns.number(r, "revision").intValue(),
                (Boolean) r.get("withdrawn"), r.get("citation", String.class), r.get("link", String.class),
                r.get("set_by", String.class), NativeColumns.instant(r, "set_at"), Map.copyOf(scales));
    }

    /** The current constants of every instrument version of the organization (withdrawn ones left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PublishedConstants> current(UUID organizationId, String questionnaireId) {
        List<PublishedConstants> latest = new ArrayList<>();
        String last = null;
        for (PublishedConstants c : revisions(organizationId, questionnaireId, null)) {
            String key = c.questionnaireId() + "@" + c.version();
            if (!key.equals(last)) {
                last = key;
                if (!c.withdrawn()) {
                    latest.add(c);
                }
            }
        }
        return latest;
    }
}
