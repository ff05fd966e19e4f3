package io.rapport.delivery.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.audit.AuditLog;
import io.rapport.common.error.ApiException;
import io.rapport.delivery.Assignment;
import io.rapport.delivery.AssignmentRepository;
import io.rapport.delivery.DeliveryConfig;
import io.rapport.delivery.DeliveryPolicy;
import io.rapport.delivery.FormMessages;
import io.rapport.delivery.FormTexts;
import io.rapport.delivery.LinkGuessLimiter;
import io.rapport.delivery.Links;
import io.rapport.delivery.ResponseRecorder;
import io.rapport.delivery.SessionContext;
import io.rapport.delivery.SessionDirectory;
import io.rapport.delivery.StoredResponse;

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

    private final Links links;
    private final AssignmentRepository assignments;
    private final ResponseRecorder recorder;
    private final FormPageBuilder pages;
    private final FormTexts texts;
    private final LinkGuessLimiter limiter;
    private final DeliveryConfig config;
    private final FormVisitStore store;
    private final SessionDirectory sessionDirectory;
    private final AuditLog audit;
    private final DeliveryPolicy policy;
    private final ClientChart chart;

    public FormVisits(Links links, AssignmentRepository assignments, ResponseRecorder recorder,
            FormPageBuilder pages, FormTexts texts, LinkGuessLimiter limiter, DeliveryConfig config,
            FormVisitStore store, SessionDirectory sessionDirectory, AuditLog audit, DeliveryPolicy policy,
            ClientChart chart) {
        this.links = links;
        this.assignments = assignments;
        this.recorder = recorder;
        this.pages = pages;
        this.texts = texts;
        this.limiter = limiter;
        this.config = config;
        this.store = store;
        this.sessionDirectory = sessionDirectory;
        this.audit = audit;
        this.policy = policy;
        this.chart = chart;
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
        SessionContext ctx = sessionDirectory.context(a.organizationId, a.sessionId);
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage, policy.languages(ctx.organizationId()));
        Instant now = Instant.now();
        Assignment.Status status = a.effectiveStatus(now);
        if (status == Assignment.Status.completed) {
            return new Message(410, message(lang, "used", true), null);
        }
        if (status != Assignment.Status.open || !link.expiresAt().isAfter(now)) {
            return new Message(410, message(lang, "expired", false), null);
        }
        Instant cookieEnd = now.plus(config.cookieLifetime());
        Instant expiresAt = cookieEnd.isBefore(link.expiresAt()) ? cookieEnd : link.expiresAt();
        String cookie = store.start(a.organizationId, a.sessionId, link.channel(), a.rater, expiresAt, now);
        audit.formLink(a.organizationId, "open", "GET /f/{token}", a.sessionId, 303);
        return new Redirect("/f", cookie, Math.max(1, Duration.between(now, expiresAt).toSeconds()));
    }

    /** The page a visit shows now: the form, the thank-you page once nothing is open, or why it closed. */
    @Transactional
    public Outcome show(String cookie, String acceptLanguage) {
        Optional<FormVisitStore.Visit> found = store.find(cookie);
        if (found.isEmpty()) {
            return new Message(410, message(FormTexts.choose(null, acceptLanguage), "ended", false), null);
        }
        FormVisitStore.Visit visit = found.get();
        SessionContext ctx = sessionDirectory.context(visit.organizationId(), visit.sessionId());
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage, policy.languages(ctx.organizationId()));
        List<FormPageBuilder.Part> open = openParts(visit);
        if (open.isEmpty()) {
            return closed(visit, lang);
        }
        store.markServed(visit);
        audit.formLink(visit.organizationId(), "read", "GET /f", visit.sessionId(), 200);
        return new Page(200, pages.build(lang, ctx, open, Map.of(), Map.of(), visit.csrf()));
    }

    /**
     * Stores every questionnaire of the page, or none: one invalid answer shows the page again with all answers
     * kept. A submission that lost a race to another tab throws the recorder's 409, rolling everything back.
     */
    @Transactional
    public Outcome submit(String cookie, Map<String, String> form, String acceptLanguage) {
        Optional<FormVisitStore.Visit> found = store.find(cookie);
        String csrf = form.get("csrf");
        if (found.isEmpty() || csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                found.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            return new Message(403, message(FormTexts.choose(null, acceptLanguage), "forbidden", false), null);
        }
        FormVisitStore.Visit visit = found.get();
        List<FormPageBuilder.Part> open = openParts(visit);
        if (open.isEmpty()) {
            return new Redirect("/f", null, 0);
        }
        SessionContext ctx = sessionDirectory.context(visit.organizationId(), visit.sessionId());
        String lang = FormTexts.choose(ctx.clientLanguage(), acceptLanguage, policy.languages(ctx.organizationId()));
        FormAnswers.Parsed parsed = FormAnswers.parse(open, form, texts.in(lang));
        if (!parsed.problems().isEmpty()) {
            return new Page(422, pages.build(lang, ctx, open, form, parsed.problems(), visit.csrf()));
        }
        Instant now = Instant.now();
        StoredResponse.Channel channel = "in-session".equals(visit.channel()) ? StoredResponse.Channel.inSession
                : StoredResponse.Channel.form;
        // The page just answered was drawn with the organization's setting as it is now.
        boolean therapist = Assignment.THERAPIST.equals(visit.rater());
        Boolean candour = therapist ? null : policy.candourLine(ctx.organizationId());
        for (Map.Entry<FormPageBuilder.Part, Map<String, Object>> e : parsed.answers().entrySet()) {
            recorder.record(new ResponseRecorder.Submission(e.getKey().assignment(), e.getValue(),
                    visit.firstServedAt(), now, channel, lang, parsed.items(), candour));
        }
        return new Redirect("/f", null, 0);
    }

    private Outcome closed(FormVisitStore.Visit visit, String lang) {
        boolean anyCompleted = assignments.countInOrganization(visit.organizationId(),
                "sessionId = ?2 and status = ?3 and rater = ?4", visit.sessionId(), Assignment.Status.completed,
                visit.rater()) > 0;
        if (!anyCompleted) {
            return new Message(410, message(lang, "expired", false), null);
        }
        MessageView thanks = message(lang, "thanks", true);
        // The chart is the client's: a therapist's own visit never shows it.
        Optional<ClientChartView> own = Assignment.THERAPIST.equals(visit.rater()) ? Optional.empty()
                : chart.forSession(visit.organizationId(), visit.sessionId(), lang);
        if (own.isEmpty()) {
            return new Message(200, thanks, null);
        }
        // The client's own numbers are shown only within the visit, and each showing is on the audit trail.
        audit.formLink(visit.organizationId(), "chart", "GET /f", visit.sessionId(), 200);
        return new Message(200, thanks.withChart(own.get()), null);
    }

    private List<FormPageBuilder.Part> openParts(FormVisitStore.Visit visit) {
        return FormPageBuilder.openParts(assignments.forSessions(visit.organizationId(), List.of(visit.sessionId())),
                visit.rater(), recorder);
    }

    MessageView message(String lang, String key, boolean success) {
        FormMessages t = texts.in(lang);
        return switch (key) {
            case "limited" -> new MessageView(lang, t.limitedTitle(), t.limitedBody(), success);
            case "unknown" -> new MessageView(lang, t.unknownTitle(), t.unknownBody(), success);
            case "used" -> new MessageView(lang, t.usedTitle(), t.usedBody(), success);
            case "expired" -> new MessageView(lang, t.expiredTitle(), t.expiredBody(), success);
            case "ended" -> new MessageView(lang, t.endedTitle(), t.endedBody(), success);
            case "forbidden" -> new MessageView(lang, t.forbiddenTitle(), t.forbiddenBody(), success);
            case "thanks" -> new MessageView(lang, t.thanksTitle(), t.thanksBody(), success);
            default -> throw new IllegalArgumentException("no message " + key);
        };
    }
}
