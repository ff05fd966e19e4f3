package io.rapport.fhir.observation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;

import io.rapport.alert.AlertView;
import io.rapport.alert.Alerts;
import io.rapport.care.CareRecords;
import io.rapport.care.CareRecords.SessionRecord;
import io.rapport.common.web.Ids;
import io.rapport.delivery.ScoreRecords;
import io.rapport.delivery.ScoreRecords.ScaleScore;
import io.rapport.fhir.FhirException;
import io.rapport.fhir.Searchset;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/**
 * Observations are the stored scores (delivery's), at their session's time (care's); Flags are the alerts (the
 * alert room's). Everything is read within the caller's organization: another organization's ids are 404.
 */
@ApplicationScoped
public class FhirObservations {

    private final ScoreRecords scores;
    private final CareRecords care;
    private final Alerts alerts;
    private final QuestionnaireCatalog catalog;

    public FhirObservations(ScoreRecords scores, CareRecords care, Alerts alerts, QuestionnaireCatalog catalog) {
        this.scores = scores;
        this.care = care;
        this.alerts = alerts;
        this.catalog = catalog;
    }

    public record Found<T>(List<T> items, int total) {
    }

    /** An Observation search: {@code codes} the {@code code} values, {@code dates} the {@code date} values. */
    public record Search(PatientRef patient, List<String> codes, List<String> dates, String sort) {
    }

    @Transactional
    public Observation read(UUID organizationId, ObservationId id) {
        UUID responseId = id.responseId().orElseThrow(() -> FhirException.notFound("Observation", id.raw()));
        String scale = id.scale().orElseThrow();
        ScaleScore score = scores.ofResponse(organizationId, responseId).stream()
                .filter(s -> s.scale().equals(scale)).findFirst()
                .orElseThrow(() -> FhirException.notFound("Observation", id.raw()));
        SessionRecord session = care.session(organizationId, score.sessionId()).orElseThrow();
        return ObservationMapper.observation(score, session.clientId(), session.occurredAt(), definition(score));
    }

    @Transactional
    public Found<Observation> search(UUID organizationId, Search search, Searchset.Page page) {
        if (search.patient() == null) {
            throw FhirException.invalid("patient", "is required: Observations are searched per Patient");
        }
        boolean descending = switch (search.sort() == null ? "-date" : search.sort().trim()) {
            case "date" -> false;
            case "-date", "" -> true;
            default -> throw FhirException.invalid("_sort", "only date and -date are supported");
        };
        DateRange range = DateRange.parse(search.dates(), "date");
        List<ScoreRecords.Code> codes = new ArrayList<>();
        boolean anyCode = false;
        for (String value : search.codes() == null ? List.<String> of() : search.codes()) {
            for (String token : value.split(",")) {
                if (token.isBlank()) {
                    continue;
                }
                anyCode = true;
                code(token.trim()).ifPresent(codes::add);
            }
        }
        Optional<UUID> clientId = search.patient().id();
        if (clientId.isEmpty() || anyCode && codes.isEmpty()) {
            return new Found<>(List.of(), 0);
        }
        Map<UUID, SessionRecord> sessions = new HashMap<>();
        List<ScoreRecords.SessionTime> times = new ArrayList<>();
        for (SessionRecord s : care.sessionsOfClient(organizationId, clientId.get())) {
            if (range.contains(s.occurredAt())) {
                sessions.put(s.sessionId(), s);
                times.add(new ScoreRecords.SessionTime(s.sessionId(), s.occurredAt()));
            }
        }
        ScoreRecords.Slice slice = scores.search(organizationId, times, codes, descending, page.offset(),
                page.count());
        List<Observation> items = slice.items().stream().map(s -> ObservationMapper.observation(s,
                clientId.get(), sessions.get(s.sessionId()).occurredAt(), definition(s))).toList();
        return new Found<>(items, (int) slice.total());
    }

    @Transactional
    public Flag flag(UUID organizationId, String id) {
        AlertView alert = Ids.tryParse(id).flatMap(uuid -> alerts.get(organizationId, uuid))
                .orElseThrow(() -> FhirException.notFound("Flag", id));
        UUID clientId = care.clientOfPair(organizationId, alert.pairId()).orElseThrow();
        return ObservationMapper.flag(alert, clientId, sessionOf(organizationId, alert, new HashMap<>()));
    }

    @Transactional
    public Found<Flag> flags(UUID organizationId, PatientRef patient, Searchset.Page page) {
        if (patient == null) {
            throw FhirException.invalid("patient", "is required: Flags are searched per Patient");
        }
        Optional<UUID> clientId = patient.id();
        if (clientId.isEmpty()) {
            return new Found<>(List.of(), 0);
        }
        Alerts.Slice slice = alerts.ofPairs(organizationId, care.pairsOfClient(organizationId, clientId.get()),
                page.offset(), page.count());
        Map<UUID, List<SessionRecord>> byPair = new HashMap<>();
        List<Flag> items = slice.items().stream()
                .map(a -> ObservationMapper.flag(a, clientId.get(), sessionOf(organizationId, a, byPair))).toList();
        return new Found<>(items, (int) slice.total());
    }

    private UUID sessionOf(UUID organizationId, AlertView a, Map<UUID, List<SessionRecord>> byPair) {
        return byPair.computeIfAbsent(a.pairId(), pair -> care.sessionsOfPair(organizationId, pair)).stream()
                .filter(s -> s.sessionNumber() == a.sessionNumber()).map(SessionRecord::sessionId).findFirst()
                .orElse(null);
    }

    /** {@code [system|]<instrument>/<scale>}; empty when it cannot name a Rapport score (it then matches nothing). */
    private static Optional<ScoreRecords.Code> code(String token) {
        String code = token;
        int bar = token.indexOf('|');
        if (bar >= 0) {
            String system = token.substring(0, bar);
            if (!system.isEmpty() && !system.equals(ObservationMapper.SCORE_SYSTEM)) {
                return Optional.empty();
            }
            code = token.substring(bar + 1);
        }
        int slash = code.indexOf('/');
        if (slash <= 0 || slash == code.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ScoreRecords.Code(code.substring(0, slash), code.substring(slash + 1)));
    }

    private QuestionnaireDefinition definition(ScaleScore s) {
        return catalog.get(s.questionnaireId(), s.questionnaireVersion()).orElse(null);
    }
}
