package io.rapport.delivery.form;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.rapport.audit.AuditLog;
import io.rapport.common.error.ApiException;
import io.rapport.common.persistence.NativeColumns;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.DeliveryConfig;
import io.rapport.delivery.FormTexts;
import io.rapport.delivery.LinkGuessLimiter;
import io.rapport.delivery.Links;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.SessionContext;
import io.rapport.delivery.StoredResponse;
import io.rapport.questionnaire.Item;
import io.rapport.scoring.AnswerProblem;
import io.rapport.scoring.InvalidAnswersException;
import io.rapport.scoring.ScoringEngine;
import io.rapport.security.Secrets;

/**
 * The browser form's server side. A link token is exchanged once for a cookie naming a {@code form_visit} row;
 * the visit covers every open assignment of the session, shown as one page, and carries the CSRF token and the
 * time the form was first shown, from which a response's duration is measured.
 */
@ApplicationScoped
public class FormVisits {

    /** What the browser gets. */
    public sealed interface Outcome permits Redirect, Message, Page {
    }

    /** 303 to {@code location}, setting the visit cookie when {@code cookie} is not null. */
    public record Redirect(String location, String cookie, long cookieMaxAgeSeconds) implements Outcome {
    }

    public record Message(int status, MessageView view, Long retryAfterSeconds) implements Outcome {
    }

    public record Page(int status, FormView view) implements Outcome {
    }

    private record Visit(String idHash, UUID organizationId, UUID sessionId, String channel, String csrf,
            Instant firstServedAt) {
    }

    private final Links links;
    private final AssignmentRepository assignments;
    private final ResponseRecorder recorder;
    private final FormPageBuilder pages;
    private final FormTexts texts;
    private final LinkGuessLimiter limiter;
    private final DeliveryConfig config;
    private final EntityManager em;
    private final AuditLog audit;
    private final ScoringEngine engine = new ScoringEngine();

    public FormVisits(Links links, AssignmentRepository assignments, ResponseRecorder recorder,
            FormPageBuilder pages, FormTexts texts, LinkGuessLimiter limiter, DeliveryConfig config,
            EntityManager em, AuditLog audit) {
        this.links = links;
        this.assignments = assignments;
        this.recorder = recorder;
        this.pages = pages;
        this.texts = texts;
        this.limiter = limiter;
        this.config = config;
        this.em = em;
        this.audit = audit;
    }

    /** The first visit: trade the link token for a visit cookie, or say why the link does not open. */
    @Transactional
    public Outcome open(String token, String address, String acceptLanguage) {
        try {
            limiter.check(address);
        } catch (ApiException e) { // only a 429 can come from the limiter
            return new Message(429, message(FormTexts.choose(null, acceptLanguage), "limited", false),
                    e.retryAfterSeconds());
        }
        Optional<Links.Resolved> resolved = links.resolve(token);
        if (resolved.isEmpty()) {
            limiter.recordUnknown(address);
            return new Message(404, message(FormTexts.choose(null, acceptLanguage), "unknown", false), null);
        }
        Links.Resolved link = resolved.get();
        Assignment a = link.assignment();
        SessionContext ctx = SessionContext.load(em, a.organizationId, a.sessionId);
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage);
        Instant now = Instant.now();
        Assignment.Status status = a.effectiveStatus(now);
        if (status == Assignment.Status.completed) {
            return new Message(410, message(lang, "used", true), null);
        }
        if (status != Assignment.Status.open || !link.expiresAt().isAfter(now)) {
            return new Message(410, message(lang, "expired", false), null);
        }
        String cookie = Secrets.newToken();
        Instant cookieEnd = now.plus(config.cookieLifetime());
        Instant expiresAt = cookieEnd.isBefore(link.expiresAt()) ? cookieEnd : link.expiresAt();
        em.createNativeQuery("insert into form_visit (id_hash, organization_id, session_id, channel, csrf_token,"
                + " expires_at, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, Secrets.hash(cookie))
                .setParameter(2, a.organizationId)
                .setParameter(3, a.sessionId)
                .setParameter(4, link.channel())
                .setParameter(5, Secrets.newToken())
                .setParameter(6, expiresAt.truncatedTo(ChronoUnit.MICROS))
                .setParameter(7, now.truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        audit.formLink(a.organizationId, "open", "GET /f/{token}", a.sessionId, 303);
        return new Redirect("/f", cookie, Math.max(1, Duration.between(now, expiresAt).toSeconds()));
    }

    /** The page a visit shows now: the form, the thank-you page once nothing is open, or why it closed. */
    @Transactional
    public Outcome show(String cookie, String acceptLanguage) {
        Optional<Visit> found = visit(cookie);
        if (found.isEmpty()) {
            return new Message(410, message(FormTexts.choose(null, acceptLanguage), "ended", false), null);
        }
        Visit visit = found.get();
        SessionContext ctx = SessionContext.load(em, visit.organizationId(), visit.sessionId());
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage);
        List<FormPageBuilder.Part> open = openParts(visit);
        if (open.isEmpty()) {
            return closed(visit, lang);
        }
        em.createNativeQuery("update form_visit set first_served_at = ?1 where id_hash = ?2 and first_served_at is null")
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(2, visit.idHash())
                .executeUpdate();
        audit.formLink(visit.organizationId(), "read", "GET /f", visit.sessionId(), 200);
        return new Page(200, pages.build(lang, ctx, open, Map.of(), Map.of(), visit.csrf()));
    }

    /**
     * Stores every questionnaire of the page, or none: one invalid answer shows the page again with all answers
     * kept. A submission that lost a race to another tab throws the recorder's 409, rolling everything back.
     */
    @Transactional
    public Outcome submit(String cookie, Map<String, String> form, String acceptLanguage) {
        Optional<Visit> found = visit(cookie);
        String csrf = form.get("csrf");
        if (found.isEmpty() || csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                found.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            return new Message(403, message(FormTexts.choose(null, acceptLanguage), "forbidden", false), null);
        }
        Visit visit = found.get();
        List<FormPageBuilder.Part> open = openParts(visit);
        if (open.isEmpty()) {
            return new Redirect("/f", null, 0);
        }
        SessionContext ctx = SessionContext.load(em, visit.organizationId(), visit.sessionId());
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage);
        Map<String, String> problems = new HashMap<>();
        Map<FormPageBuilder.Part, Map<String, Object>> answers = new LinkedHashMap<>();
        int items = 0;
        for (FormPageBuilder.Part part : open) {
            Map<String, Object> partAnswers = new LinkedHashMap<>();
            for (Item item : part.definition().items()) {
                items++;
                String name = FormPageBuilder.fieldName(part.assignment(), item);
                String raw = form.getOrDefault(name, "").trim().replace(',', '.');
                if (raw.isEmpty()) {
                    continue;
                }
                if (FormPageBuilder.NOT_APPLICABLE.equals(raw)) {
                    partAnswers.put(item.id(), raw);
                    continue;
                }
                try {
                    partAnswers.put(item.id(), new BigDecimal(raw));
                } catch (NumberFormatException e) {
                    problems.put(name, texts.format(lang, "error.number", Map.of("example", example(item))));
                }
            }
            if (partAnswers.isEmpty()) {
                // Instruments that prorate accept missing items, but a blank page is a slip, not an answer.
                for (Item item : part.definition().items()) {
                    problems.putIfAbsent(FormPageBuilder.fieldName(part.assignment(), item),
                            texts.all(lang).get("error.required"));
                }
            }
            try {
                engine.score(part.definition(), partAnswers);
            } catch (InvalidAnswersException e) {
                for (AnswerProblem p : e.problems()) {
                    part.definition().item(p.itemId()).ifPresent(item -> problems.putIfAbsent(
                            FormPageBuilder.fieldName(part.assignment(), item), problemText(lang, item, p)));
                }
            }
            answers.put(part, partAnswers);
        }
        if (!problems.isEmpty()) {
            return new Page(422, pages.build(lang, ctx, open, form, problems, visit.csrf()));
        }
        Instant now = Instant.now();
        StoredResponse.Channel channel = "in-session".equals(visit.channel()) ? StoredResponse.Channel.inSession
                : StoredResponse.Channel.form;
        for (Map.Entry<FormPageBuilder.Part, Map<String, Object>> e : answers.entrySet()) {
            recorder.record(new ResponseRecorder.Submission(e.getKey().assignment(), e.getValue(),
                    visit.firstServedAt(), now, channel, lang, items));
        }
        return new Redirect("/f", null, 0);
    }

    /** Visits past their cookie's lifetime are of no use to anyone; a day's grace keeps support cases readable. */
    @Scheduled(identity = "form-visit-cleanup", every = "1h", delayed = "1m")
    @Transactional
    void forgetExpiredVisits() {
        em.createNativeQuery("delete from form_visit where expires_at < ?1")
                .setParameter(1, Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    private Outcome closed(Visit visit, String lang) {
        boolean anyCompleted = assignments.count("organizationId = ?1 and sessionId = ?2 and status = ?3",
                visit.organizationId(), visit.sessionId(), Assignment.Status.completed) > 0;
        return anyCompleted ? new Message(200, message(lang, "thanks", true), null)
                : new Message(410, message(lang, "expired", false), null);
    }

    private List<FormPageBuilder.Part> openParts(Visit visit) {
        Instant now = Instant.now();
        List<FormPageBuilder.Part> parts = new ArrayList<>();
        for (Assignment a : assignments.listInOrganization(visit.organizationId(), "sessionId = ?2",
                Sort.by("createdAt", "questionnaireId"), visit.sessionId())) {
            if (a.effectiveStatus(now) == Assignment.Status.open) {
                parts.add(new FormPageBuilder.Part(a, recorder.definition(a)));
            }
        }
        return parts;
    }

    private Optional<Visit> visit(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id_hash, organization_id, session_id, channel, csrf_token,"
                + " first_served_at from form_visit where id_hash = ?1 and expires_at > ?2")
                .setParameter(1, Secrets.hash(cookie))
                .setParameter(2, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .getResultList();
        return rows.stream().findFirst().map(r -> new Visit((String) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], NativeColumns.instant(r[5])));
    }

    private String problemText(String lang, Item item, AnswerProblem p) {
        String min = FormPageBuilder.plain(item.min());
        String max = FormPageBuilder.plain(item.max());
        return switch (p.code()) {
            case OUT_OF_RANGE -> texts.format(lang, "error.range", Map.of("min", min, "max", max));
            case OFF_STEP -> texts.format(lang, "error.step", Map.of("step", FormPageBuilder.plain(item.step())));
            case WRONG_TYPE -> texts.format(lang, "error.number", Map.of("example", example(item)));
            case NOT_APPLICABLE_NOT_ALLOWED -> texts.all(lang).get("error.na");
            case MISSING_REQUIRED, UNKNOWN_ITEM -> texts.all(lang).get("error.required");
        };
    }

    private static String example(Item item) {
        return FormPageBuilder.plain(item.max().subtract(item.step()));
    }

    MessageView message(String lang, String key, boolean success) {
        Map<String, String> t = texts.all(lang);
        return new MessageView(lang, t.get(key + ".title"), t.get(key + ".body"), success);
    }
}
