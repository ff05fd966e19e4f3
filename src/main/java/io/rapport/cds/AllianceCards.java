package io.rapport.cds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.audit.AuditEntry;
import io.rapport.audit.AuditInterceptor;
import io.rapport.audit.AuditLog;
import io.rapport.care.CareRecords;
import io.rapport.care.PeopleService;
import io.rapport.common.RapportConfig;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Ids;
import io.rapport.questionnaire.Cutoff;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.EventType;
import io.rapport.trend.Point;
import io.rapport.trend.TrendEvent;
import io.rapport.trend.api.InstrumentTrend;
import io.rapport.trend.api.TrendService;

/**
 * The {@code patient-view} service: for the pair of the patient and the practitioner in the hook context, the
 * latest alliance score against its cutoff and any open rupture, each card linking to the pair page.
 */
@ApplicationScoped
public class AllianceCards {

    public static final String SERVICE_ID = "rapport-alliance";
    public static final String HOOK = "patient-view";
    static final String ALLIANCE = "alliance";
    static final int MAX_SUMMARY = 139;
    /** Events that open a rupture; a repair naming the session closes it. */
    private static final Set<String> RUPTURES = Set.of(EventType.RELIABLE_DROP.code(),
            EventType.PERSONAL_DROP.code());
    private static final Card.Source SOURCE = new Card.Source("Rapport", null);

    private final PeopleService people;
    private final CareRecords care;
    private final TrendService trends;
    private final QuestionnaireCatalog catalog;
    private final AuditLog audit;
    private final String publicUrl;

    public AllianceCards(PeopleService people, CareRecords care, TrendService trends, QuestionnaireCatalog catalog,
            AuditLog audit, RapportConfig config) {
        this.people = people;
        this.care = care;
        this.trends = trends;
        this.catalog = catalog;
        this.audit = audit;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public static CdsService describe() {
        return new CdsService(SERVICE_ID, HOOK, "Therapeutic alliance",
                "The latest alliance score of the patient with the practitioner against the instrument's cited"
                        + " cutoff, and any open alliance rupture, with a link to the pair in Rapport");
    }

    /**
     * @param actor who called, for the audit row written with the read
     * @throws ApiException 400 naming the field for a malformed request, 404 for an unknown service, patient or
     *         practitioner (another organization's are unknown)
     */
    @Transactional
    public Card.Cards call(UUID organizationId, String actor, String serviceId, HookRequest request) {
        if (!SERVICE_ID.equals(serviceId)) {
            throw ApiException.notFound("CDS service " + serviceId);
        }
        if (request == null) {
            throw ApiException.invalid("body", "must be a CDS Hooks request");
        }
        if (request.hookInstance() == null || request.hookInstance().isBlank()) {
            throw ApiException.invalid("hookInstance", "is required");
        }
        if (!HOOK.equals(request.hook())) {
            throw ApiException.invalid("hook", "must be " + HOOK);
        }
        if (request.context() == null) {
            throw ApiException.invalid("context", "is required");
        }
        UUID clientId = id(request.context().get("patientId"), "Patient", "context.patientId");
        UUID therapistId = id(request.context().get("userId"), "Practitioner", "context.userId");
        if (people.client(organizationId, clientId).isEmpty()) {
            throw new ApiException(404, "not-found", "Not Found", "context.patientId: Patient is not known",
                    List.of(new io.rapport.common.error.Problem.FieldError("context.patientId", "is not known")));
        }
        if (people.therapist(organizationId, therapistId).isEmpty()) {
            throw new ApiException(404, "not-found", "Not Found", "context.userId: Practitioner is not known",
                    List.of(new io.rapport.common.error.Problem.FieldError("context.userId", "is not known")));
        }
        Optional<UUID> pair = care.pair(organizationId, clientId, therapistId);
        audit.append(new AuditEntry(organizationId, actor, "read", "POST /cds-services/{id}",
                pair.isPresent() ? "pair" : "client-by-id", pair.map(UUID::toString).orElse(clientId.toString()),
                clientId, AuditEntry.ALLOWED, 200, AuditInterceptor.requestId()));
        if (pair.isEmpty()) {
            return new Card.Cards(List.of());
        }
        return new Card.Cards(cards(pair.get(), trends.compute(organizationId, pair.get())));
    }

    private List<Card> cards(UUID pairId, List<InstrumentTrend> all) {
        List<Card.Link> links = List.of(new Card.Link("Open the pair in Rapport",
                publicUrl + "/app/pairs/" + pairId, "absolute"));
        List<Card> cards = new ArrayList<>();
        record Latest(InstrumentTrend trend, QuestionnaireDefinition definition, Point point) {
        }
        List<Latest> scored = new ArrayList<>();
        for (InstrumentTrend t : all) {
            QuestionnaireDefinition d = catalog.get(t.trend().questionnaireId(), t.version()).orElse(null);
            if (d == null || !ALLIANCE.equals(d.construct())) {
                continue;
            }
            t.trend().points().stream().filter(p -> p.total() != null).reduce((a, b) -> b)
                    .ifPresent(p -> scored.add(new Latest(t, d, p)));
            openRupture(t, d, links).ifPresent(cards::add);
        }
        scored.stream().max(Comparator.comparing((Latest l) -> l.point().occurredAt())
                .thenComparing(l -> l.point().sessionNumber()))
                .ifPresent(l -> cards.add(0, scoreCard(l.definition(), l.point(), links)));
        return cards;
    }

    private static Card scoreCard(QuestionnaireDefinition d, Point latest, List<Card.Link> links) {
        Cutoff cutoff = d.interpretation().stream().filter(c -> QuestionnaireDefinition.TOTAL.equals(c.scale()))
                .findFirst().orElse(null);
        String score = number(latest.total());
        String head = d.title() + ": " + score + " at session " + latest.sessionNumber();
        if (cutoff == null) {
            return new Card(null, cut(head + "; no cutoff is cited for this instrument"),
                    "No cutoff is cited for " + d.title() + " in Rapport's catalog, so the score is not judged"
                            + " against one. See the trend on the pair page.",
                    "info", SOURCE, links);
        }
        boolean concern = cutoff.isConcern(java.math.BigDecimal.valueOf(latest.total()));
        String side = cutoff.direction() == io.rapport.questionnaire.Direction.BELOW ? "below" : "above";
        String summary = head + (concern ? ", " + side + " the cutoff of " : ", not " + side + " the cutoff of ")
                + number(cutoff.value().doubleValue());
        String detail = (concern ? cutoff.label() + ". " : "") + "Cutoff " + number(cutoff.value().doubleValue())
                + " (concern " + side + "); source: " + cutoff.source() + ".";
        return new Card(null, cut(summary), detail, concern ? "warning" : "info", SOURCE, links);
    }

    /** The latest rupture of the total not followed by a repair naming its session, if any. */
    private static Optional<Card> openRupture(InstrumentTrend t, QuestionnaireDefinition d, List<Card.Link> links) {
        List<TrendEvent> events = t.trend().events();
        Set<String> repaired = events.stream().filter(e -> EventType.REPAIR.code().equals(e.type()))
                .map(e -> String.valueOf(e.detail().get("ruptureSession"))).collect(Collectors.toSet());
        Map<Integer, List<TrendEvent>> open = events.stream().filter(e -> RUPTURES.contains(e.type()))
                .filter(e -> !repaired.contains(String.valueOf(e.sessionNumber())))
                .collect(Collectors.groupingBy(TrendEvent::sessionNumber));
        return open.keySet().stream().max(Integer::compare).map(session -> {
            boolean unrepaired = events.stream().anyMatch(e -> EventType.UNREPAIRED.code().equals(e.type())
                    && String.valueOf(session).equals(String.valueOf(e.detail().get("ruptureSession"))));
            String detail = open.get(session).stream().map(e -> String.valueOf(e.detail().get("explanation")))
                    .collect(Collectors.joining(" "));
            if (unrepaired) {
                detail += " The repair window has closed without a repair.";
            }
            String summary = (unrepaired ? "Unrepaired alliance rupture" : "Open alliance rupture") + " at session "
                    + session + " (" + d.title() + ")";
            return new Card(null, cut(summary), detail, unrepaired ? "critical" : "warning", SOURCE, links);
        });
    }

    /** A Rapport id given bare or as {@code Type/<id>}; anything else is a 400 naming the field. */
    private static UUID id(Object value, String type, String field) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        String id = s.startsWith(type + "/") ? s.substring(type.length() + 1) : s;
        return Ids.tryParse(id).orElseThrow(() -> ApiException.invalid(field,
                "must be a Rapport " + type + " id (the FHIR id of /fhir/" + type + "), bare or as " + type
                        + "/<id>"));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String cut(String s) {
        return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
