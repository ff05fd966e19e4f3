package io.rapport.trend.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.care.PairRepository;
import io.rapport.common.error.ApiException;
import io.rapport.norms.NormsService;
import io.rapport.norms.OrganizationConstants;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.AssignmentStatus;
import io.rapport.trend.InstrumentConstants;
import io.rapport.trend.PairTrend;
import io.rapport.trend.SessionObservation;
import io.rapport.trend.SplitAlliance;
import io.rapport.trend.TrendEngine;
import io.rapport.trend.api.PairHistory.SessionRow;

/**
 * Computes a pair's trends from its stored scores on each read. The engine needs well under a millisecond for 500
 * sessions (see the JMH benchmark), so keeping a second, derived copy up to date on every submission would buy
 * nothing and could drift.
 */
@ApplicationScoped
public class TrendService {

    private final PairRepository pairs;
    private final PairHistory history;
    private final QuestionnaireCatalog catalog;
    private final TrendSettingsService settings;
    private final NormsService norms;

    public TrendService(PairRepository pairs, PairHistory history, QuestionnaireCatalog catalog,
            TrendSettingsService settings, NormsService norms) {
        this.pairs = pairs;
        this.history = history;
        this.catalog = catalog;
        this.settings = settings;
        this.norms = norms;
    }

    @Transactional
    public List<InstrumentTrend> trends(UUID organizationId, UUID pairId) {
        pairs.findInOrganization(organizationId, pairId).orElseThrow(() -> ApiException.notFound("Pair"));
        return compute(organizationId, pairId);
    }

    /** Trends of a pair known to belong to the organization; joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InstrumentTrend> compute(UUID organizationId, UUID pairId) {
        return compute(organizationId, pairId, null);
    }

    /**
     * The trend of one questionnaire (all of them when {@code questionnaireId} is null): a new response changes
     * only its own questionnaire's trend.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InstrumentTrend> compute(UUID organizationId, UUID pairId, String onlyQuestionnaireId) {
        return compute(organizationId, pairId, onlyQuestionnaireId, Set.of());
    }

    /**
     * The trends as a reader may see them while the client's answers to {@code withheldSessions} are kept from
     * them (a therapist who has not yet rated those sessions): those sessions count as still open.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InstrumentTrend> computeWithheld(UUID organizationId, UUID pairId, Set<UUID> withheldSessions) {
        return compute(organizationId, pairId, null, withheldSessions);
    }

    private List<InstrumentTrend> compute(UUID organizationId, UUID pairId, String onlyQuestionnaireId,
            Set<UUID> withheldSessions) {
        Instant now = Instant.now();
        List<SessionRow> rows = history.load(organizationId, pairId, now).stream()
                .map(r -> withheldSessions.contains(r.sessionId()) ? withheld(r) : r).toList();
        TrendEngine engine = new TrendEngine(settings.thresholds(organizationId));
        OrganizationConstants organizationConstants = norms.constants(organizationId);
        List<InstrumentTrend> result = new ArrayList<>();
        for (String questionnaireId : questionnaires(rows)) {
            if (onlyQuestionnaireId != null && !onlyQuestionnaireId.equals(questionnaireId)) {
                continue;
            }
            QuestionnaireDefinition definition = definition(rows, questionnaireId);
            ConstantsResolver.Resolved resolved = ConstantsResolver.resolve(definition, organizationConstants);
            InstrumentConstants constants = resolved.instrument();
            PairTrend trend = Explanations.explain(engine.analyse(constants, series(rows, questionnaireId)),
                    resolved.total());
            SplitAlliance split = Explanations.explain(
                    split(engine, constants, organizationId, pairId, rows, questionnaireId, now), resolved.total());
            result.add(new InstrumentTrend(trend, definition.version(), split, resolved.used()));
        }
        return result;
    }

    /** Client-rated instruments only: a therapist's own ratings are no trend of the alliance and raise nothing. */
    private Set<String> questionnaires(List<SessionRow> rows) {
        return rows.stream().flatMap(r -> r.byQuestionnaire().keySet().stream()).filter(catalog::clientRated)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The session as if its answers were not in yet, and outside any joint split. */
    private static SessionRow withheld(SessionRow row) {
        Map<String, SessionObservation> open = new LinkedHashMap<>();
        row.byQuestionnaire().forEach((id, o) -> open.put(id,
                o.status() == AssignmentStatus.ANSWERED ? SessionObservation.open(o.sessionNumber(), o.occurredAt())
                        : o));
        return new SessionRow(row.sessionId(), null, row.sessionNumber(), row.occurredAt(), open, row.versions());
    }

    /** The constants of the version most recently assigned: the one current scores are read against. */
    private QuestionnaireDefinition definition(List<SessionRow> rows, String questionnaireId) {
        String version = null;
        for (SessionRow row : rows) {
            version = row.versions().getOrDefault(questionnaireId, version);
        }
        String v = version;
        return catalog.get(questionnaireId, v).or(() -> catalog.latest(questionnaireId))
                .orElseThrow(() -> new IllegalStateException(questionnaireId + "@" + v + " is not in the catalog"));
    }

    /** Every session of the pair, so repair windows and no-response count sessions without this questionnaire. */
    private static List<SessionObservation> series(List<SessionRow> rows, String questionnaireId) {
        return rows.stream().map(r -> r.byQuestionnaire().getOrDefault(questionnaireId,
                SessionObservation.unassigned(r.sessionNumber(), r.occurredAt()))).toList();
    }

    /**
     * The split between raters of sessions held together: each other client's score of the same joint session is
     * placed at this pair's session number for it.
     */
    private SplitAlliance split(TrendEngine engine, InstrumentConstants constants, UUID organizationId, UUID pairId,
            List<SessionRow> rows, String questionnaireId, Instant now) {
        Map<UUID, Integer> numberByGroup = new HashMap<>();
        for (SessionRow row : rows) {
            if (row.groupId() != null) {
                numberByGroup.put(row.groupId(), row.sessionNumber());
            }
        }
        if (numberByGroup.isEmpty()) {
            return null;
        }
        Map<String, List<SessionObservation>> byRater = new LinkedHashMap<>();
        byRater.put(pairId.toString(), rows.stream().filter(r -> r.groupId() != null)
                .map(r -> r.byQuestionnaire().get(questionnaireId)).filter(o -> o != null).toList());
        for (UUID sibling : history.siblings(organizationId, pairId, numberByGroup.keySet())) {
            List<SessionObservation> observations = new ArrayList<>();
            for (SessionRow row : history.load(organizationId, sibling, now)) {
                Integer number = row.groupId() == null ? null : numberByGroup.get(row.groupId());
                SessionObservation o = row.byQuestionnaire().get(questionnaireId);
                if (number != null && o != null) {
                    observations.add(new SessionObservation(number, o.occurredAt(), o.status(), o.total(),
                            o.subscales()));
                }
            }
            byRater.put(sibling.toString(), observations);
        }
        return byRater.size() < 2 ? null : engine.split(constants, byRater);
    }
}
