package io.rapport.delivery;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How questionnaires reach clients: the form's cookie, link guessing limits, reminders and response quality. */
@ConfigMapping(prefix = "rapport.delivery")
public interface DeliveryConfig {

    /**
     * How long the form cookie that replaces the link token lasts. Long enough to answer without hurry, short
     * enough that a shared tablet does not keep the form open for the next person.
     */
    @WithDefault("2H")
    Duration cookieLifetime();

    /**
     * How long the therapist's own rating of a session stays open (issue 16). Longer than the client's link on
     * purpose: a rating after the client's form expired is still accepted, flagged {@code late}. While it is open,
     * the pair page keeps the client's answers to that session from the therapist.
     */
    @WithDefault("P7D")
    Duration therapistRatingWindow();

    /** How long an in-session link (opened on the therapist's tablet) stays valid; never past the assignment. */
    @WithDefault("15M")
    Duration inSessionLinkLifetime();

    /**
     * How long after an assignment was created an open one gets its single email reminder, for organizations whose
     * admin has not chosen a delay ({@code organization.reminder_delay_hours}).
     */
    @WithDefault("24H")
    Duration reminderDelay();

    /**
     * How often the reminder job looks for forms to remind about, as a Quarkus scheduler interval such as
     * {@code 5m}; {@code off} disables the job on this instance.
     */
    @WithDefault("5m")
    String reminderScanInterval();

    /** How many reminders one run of the reminder job claims at most; the rest wait for the next run. */
    @WithDefault("200")
    int reminderBatchSize();

    /**
     * Unknown link tokens one client IP address may try per minute before further link requests get 429. The
     * count is kept in memory, so each instance counts on its own.
     */
    @WithDefault("20")
    int unknownLinkAttemptsPerMinute();

    /** Answering faster than this many seconds per item on average flags the response {@code too-fast}. */
    @WithDefault("1.5")
    double minSecondsPerItem();

    /** Fewest answered Likert items with one identical value that flag a response {@code straight-lined}. */
    @WithDefault("5")
    int straightLineMinItems();

    /**
     * How often open assignments past their expiry are marked expired (which raises their pairs' no-response
     * alerts); {@code off} disables the scan.
     */
    @WithDefault("1m")
    String expiryScanInterval();

    /** Sessions with expired assignments handled per expiry scan; the rest wait for the next one. */
    @WithDefault("200")
    int expiryBatchSize();

    /** How often queued mail (link e-mails, reminders) is sent or retried; {@code off} disables it here. */
    @WithDefault("10s")
    String mailRelayInterval();

    /**
     * Delays before the second, third, ... attempt at a mail the mail server refused; the last one repeats until
     * {@code mail-retry-window} closes.
     */
    @WithDefault("30s,2m,10m,1h")
    List<Duration> mailBackoff();

    /** How long a refused mail is retried before it is given up (logged, status {@code failed}). */
    @WithDefault("3D")
    Duration mailRetryWindow();
}
