/**
 * Getting questionnaires to clients and their answers back.
 *
 * <h2>Links</h2>
 * Every link token is stored only as its SHA-256 hash. The link returned when a session is created lives in
 * {@code assignment.token_hash}; e-mail, QR, in-session and reminder links each get their own row in
 * {@code assignment_link} ({@link io.rapport.delivery.Links}). A link opens while its assignment is open and
 * neither the link nor the assignment has expired, so submitting consumes all links of the assignment at once.
 * In-session links expire after {@code rapport.delivery.in-session-link-lifetime}.
 *
 * <h2>Submitting</h2>
 * {@link io.rapport.delivery.ResponseRecorder} scores, claims the assignment with
 * {@code update ... where status = 'open'} and inserts the response in one transaction; concurrent submissions
 * queue on the row lock and all but the first get 409, and {@code response.assignment_id} is UNIQUE besides. A retry
 * of a submission that succeeded gets 409 too, even with identical answers: the 409 tells the client its first
 * answers are stored, and a link token alone never reads answers back.
 *
 * <h2>Browser form</h2>
 * {@code /f/{token}} trades the token for a {@code __Host-} cookie naming a {@code form_visit} row and redirects
 * to {@code /f}. The visit covers all open assignments of the session (one combined page), holds the CSRF token and
 * the time the form was first shown, from which the response's duration is measured. After a successful POST the
 * browser is redirected to {@code /f}, which then shows the thank-you page; a repeated or racing POST lands there
 * too, so no second response is stored and the first is never lost.
 *
 * <h2>Reminders</h2>
 * At most once per session, see {@link io.rapport.delivery.Reminders}.
 *
 * <h2>Guessing</h2>
 * Unknown tokens are counted per client address in PostgreSQL, shared by every instance
 * ({@link io.rapport.delivery.LinkGuessLimiter}).
 */
package io.rapport.delivery;
