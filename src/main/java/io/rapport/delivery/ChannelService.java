package io.rapport.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.quarkus.mailer.Mail;
import io.rapport.common.error.ApiException;

/**
 * Sends an open assignment's form through a channel other than the creation response: e-mail, a QR code to scan
 * in the room, or a short-lived link for the therapist's tablet. Each call issues a fresh link token.
 */
@ApplicationScoped
public class ChannelService {

    private static final int QR_SIZE = 320;

    /** A link made for one channel, for the API's answer. */
    public record IssuedLink(UUID assignmentId, String channel,
            @JsonInclude(JsonInclude.Include.NON_NULL) String formUrl, Instant expiresAt) {
    }

    private final AssignmentRepository assignments;
    private final Links links;
    private final FormTexts texts;
    private final MailOutbox mailOutbox;
    private final DeliveryConfig config;
    private final SessionDirectory sessionDirectory;
    private final DeliveryPolicy policy;

    public ChannelService(AssignmentRepository assignments, Links links, FormTexts texts, MailOutbox mailOutbox,
            DeliveryConfig config, SessionDirectory sessionDirectory, DeliveryPolicy policy) {
        this.assignments = assignments;
        this.links = links;
        this.texts = texts;
        this.mailOutbox = mailOutbox;
        this.config = config;
        this.sessionDirectory = sessionDirectory;
        this.policy = policy;
    }

    /**
     * Mails a link to the client through the {@link MailOutbox}: queued in this transaction, sent right after it
     * commits with a fresh link, and retried while the mail server refuses.
     */
    @Transactional
    public IssuedLink email(UUID organizationId, UUID assignmentId) {
        Assignment a = open(organizationId, assignmentId);
        SessionContext ctx = sessionDirectory.context(organizationId, a.sessionId);
        if (a.therapistRated()) {
            // A therapist's rating form goes to the therapist, never to the client.
            if (ctx.therapistEmail() == null || ctx.therapistEmail().isBlank()) {
                throw ApiException.unprocessable("therapist.email",
                        "is not set; set it with PUT /api/v1/therapists/{externalId} first");
            }
            mailOutbox.enqueue(organizationId, a.id, MailOutbox.THERAPIST);
            return new IssuedLink(a.id, MailOutbox.THERAPIST, null, a.expiresAt);
        }
        if (ctx.clientEmail() == null || ctx.clientEmail().isBlank()) {
            throw ApiException.unprocessable("client.email",
                    "is not set; set it with PUT /api/v1/clients/{externalId} first");
        }
        // Queued with this transaction and sent once it commits; a refusing mail server delays it, never loses it.
        mailOutbox.enqueue(organizationId, a.id, "email");
        return new IssuedLink(a.id, "email", null, a.expiresAt);
    }

    /** A PNG QR code of a fresh link, for the client to scan with their own phone in the room. */
    @Transactional
    public byte[] qrPng(UUID organizationId, UUID assignmentId) {
        Assignment a = open(organizationId, assignmentId);
        String url = links.issue(a, "qr", a.expiresAt);
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("Cannot draw a QR code", e);
        }
    }

    /** A link for the therapist's device that works only for a few minutes; responses record {@code in-session}. */
    @Transactional
    public IssuedLink inSession(UUID organizationId, UUID assignmentId) {
        Assignment a = open(organizationId, assignmentId);
        Instant until = Instant.now().plus(config.inSessionLinkLifetime());
        Instant expiresAt = until.isBefore(a.expiresAt) ? until : a.expiresAt;
        return new IssuedLink(a.id, "in-session", links.issue(a, "in-session", expiresAt), expiresAt);
    }

    /** The link e-mail or the reminder ({@code kind}), in the client's language if the organization offers it. */
    public Mail mail(SessionContext ctx, String kind, String url, Instant expiresAt) {
        if (MailOutbox.THERAPIST.equals(kind)) {
            // The therapist reads the organization's first language; the client's preference is not theirs.
            String lang = FormTexts.choose(null, null, policy.languages(ctx.organizationId()));
            FormMessages m = texts.in(lang);
            return Mail.withText(ctx.therapistEmail(), m.therapistSubject(),
                    m.therapistBody(url, FormTexts.dateTime(expiresAt, lang)));
        }
        String lang = FormTexts.choose(ctx.clientLanguage(), null, policy.languages(ctx.organizationId()));
        FormMessages m = texts.in(lang);
        String expires = FormTexts.dateTime(expiresAt, lang);
        boolean reminder = "reminder".equals(kind);
        String subject = reminder ? m.reminderSubject() : m.emailSubject();
        String body = reminder ? m.reminderBody(url, expires) : m.emailBody(url, expires);
        return Mail.withText(ctx.clientEmail(), subject, body);
    }

    private Assignment open(UUID organizationId, UUID assignmentId) {
        Assignment a = assignments.findInOrganization(organizationId, assignmentId)
                .orElseThrow(() -> ApiException.notFound("Assignment"));
        ResponseRecorder.requireOpen(a, Instant.now());
        return a;
    }
}
