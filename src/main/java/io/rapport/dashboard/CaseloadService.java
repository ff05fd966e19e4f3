package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.rapport.common.persistence.NativeColumns;
import io.rapport.common.persistence.ReadModel;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * The caseload: every active pair the caller may see, in two statements whatever its size (one count, one page
 * of rows). Per-pair figures come from lateral subqueries joined to the page query, never from a query per row.
 */
@ApplicationScoped
@ReadModel("A page of the caseload with each pair's latest scores, sparkline and open alerts costs one statement, whatever the page size")
public class CaseloadService {

    /** Sessions on a sparkline: enough to see a direction, few enough to read at a glance. */
    static final int SPARKLINE_POINTS = 12;
    static final String ALLIANCE = "alliance";

    /**
     * A pair is active while its therapist is; pairs have no end date of their own yet. Clients and therapists are
     * joined on the organization too, as the foreign keys are.
     */
    private static final String FROM = " from pair p"
            + " join client c on c.organization_id = p.organization_id and c.id = p.client_id"
            + " join therapist t on t.organization_id = p.organization_id and t.id = p.therapist_id";
    /**
     * A therapist sees no client answer of a session they have not rated yet (issue 16): its scores count only
     * once no rating of theirs is open; an admin ({@code :everything}) sees them all.
     */
    private static final String UNTIL_RATED = " and (:everything or not exists (select 1 from assignment ta"
            + " where ta.organization_id = r.organization_id and ta.session_id = r.session_id"
            + " and ta.rater = 'therapist' and ta.status = 'open' and ta.expires_at > now()))";
    /**
     * Per-pair aggregates; one lateral subquery per kind of figure. The alliance instrument shown is the one with
     * the most recent scored total; its recent totals come as text, since array results of native queries differ
     * between drivers.
     */
    private static final String LATERALS = " left join lateral (select r.questionnaire_id as instrument from response r"
            + " join session s on s.organization_id = r.organization_id and s.id = r.session_id"
            + " where r.organization_id = p.organization_id and r.pair_id = p.id and r.scored"
            + " and r.total is not null and r.questionnaire_id in (:alliance)" + UNTIL_RATED
            + " order by s.occurred_at desc, s.session_number desc, r.submitted_at desc limit 1) li on true"
            + " left join lateral (select string_agg(x.session_number || ':' || x.total, ',' order by"
            + " x.session_number) as points, (array_agg(x.total order by x.session_number desc))[1] as latest"
            + " from (select s.session_number, r.total from response r"
            + " join session s on s.organization_id = r.organization_id and s.id = r.session_id"
            + " where r.organization_id = p.organization_id and r.pair_id = p.id and r.scored"
            + " and r.total is not null and r.questionnaire_id = li.instrument" + UNTIL_RATED
            + " order by s.session_number desc limit " + SPARKLINE_POINTS + ") x) sp on true"
            + " left join lateral (select string_agg(distinct a.type, ',') as alert_types, count(*) as open_alerts"
            + " from alert a where a.organization_id = p.organization_id and a.pair_id = p.id"
            + " and a.status = 'open') al on true";

    private final EntityManager em;
    private final QuestionnaireCatalog catalog;

    public CaseloadService(EntityManager em, QuestionnaireCatalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    @Transactional
    public CaseloadPage caseload(Visibility visibility, CaseloadQuery query) {
        String where = where(visibility, query);
        Query count = em.createNativeQuery("select count(*)" + FROM + where);
        bind(count, visibility, query);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total <= query.offset()) {
            return new CaseloadPage(List.of(), query, total);
        }
        Query page = em.createNativeQuery("select p.id as pair_id, c.display_name as client_name,"
                + " c.external_id as client_code, coalesce(t.display_name, t.external_id) as therapist,"
                + " p.session_count, p.last_session_at, li.instrument, sp.points, al.alert_types"
                + FROM + LATERALS + where
                + " order by " + query.sort().sql + (query.descending() ? " desc" : " asc") + " nulls last, p.id"
                + " limit :limit offset :offset", Tuple.class);
        bind(page, visibility, query);
        page.setParameter("alliance", allianceInstruments());
        page.setParameter("everything", visibility.wholeOrganization());
        page.setParameter("limit", query.size()).setParameter("offset", query.offset());
        return new CaseloadPage(NativeColumns.tuples(page).stream().map(this::row).toList(), query, total);
    }

    /**
     * The client's alliance instruments: never the therapist's own forms. Never empty: {@code in ()} is not SQL,
     * and an id no instrument has matches nothing.
     */
    private List<String> allianceInstruments() {
        List<String> ids = catalog.all().stream().filter(d -> ALLIANCE.equals(d.construct()) && d.clientRated())
                .map(QuestionnaireDefinition::id).distinct().toList();
        return ids.isEmpty() ? List.of("") : ids;
    }

    private static String where(Visibility visibility, CaseloadQuery query) {
        StringBuilder sql = new StringBuilder(" where p.organization_id = :org and t.active");
        if (!visibility.wholeOrganization()) {
            sql.append(" and p.therapist_id = :therapist");
        }
        if (!query.filter().isEmpty()) {
            sql.append(" and (c.display_name ilike :pattern escape '!' or c.external_id ilike :pattern escape '!')");
        }
        return sql.toString();
    }

    private static void bind(Query q, Visibility visibility, CaseloadQuery query) {
        q.setParameter("org", visibility.organizationId());
        if (!visibility.wholeOrganization()) {
            q.setParameter("therapist", visibility.therapistId());
        }
        if (!query.filter().isEmpty()) {
            q.setParameter("pattern", "%" + query.filter().replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
    }

    private CaseloadRow row(Tuple r) {
        String displayName = r.get("client_name", String.class);
        String code = r.get("client_code", String.class);
        String instrument = r.get("instrument", String.class);
        Sparkline sparkline = instrument == null ? null
                : Sparkline.of(instrument, points(r.get("points", String.class)),
                        catalog.latest(instrument).orElse(null));
        String alertTypes = r.get("alert_types", String.class);
        List<String> alerts = alertTypes == null ? List.of() : Arrays.asList(alertTypes.split(","));
        return new CaseloadRow(r.get("pair_id", UUID.class), displayName == null || displayName.isBlank() ? code
                : displayName, code, r.get("therapist", String.class), NativeColumns.number(r, "session_count"),
                NativeColumns.instant(r, "last_session_at"), sparkline, AlertBadge.of(alerts));
    }

    /** Parses {@code "3:31.5,4:28"}, written by the page query from integers and numerics only. */
    private static List<Sparkline.Point> points(String text) {
        List<Sparkline.Point> points = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return points;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            points.add(new Sparkline.Point(Integer.parseInt(pair.substring(0, colon)),
                    Double.parseDouble(pair.substring(colon + 1))));
        }
        return points;
    }

}
