/**
 * Framework-free analytics of questionnaire series per client–therapist pair: {@link io.rapport.trend.TrendEngine}.
 * <p>
 * Rule decisions where the clinical rules leave room:
 * <ul>
 * <li>Comparisons with a threshold tolerate 1e-9, so a change equal to the RCI threshold up to rounding is reliable; a
 * score equal to the cutoff is not a concern; personal-drop needs strictly more than k SDs but at least one step.</li>
 * <li>A rupture episode is one session with any of below-cutoff, reliable-drop, personal-drop. Its reference is the
 * previous scored value, or the cutoff when the first score is already under it. Episodes of different sessions are
 * tracked independently.</li>
 * <li>The repair window is the next {@code repairWindow} session numbers, answered or not. It closes unrepaired at the
 * first session at or after its end, unless an assignment inside it is still open.</li>
 * <li>no-response fires once per run of consecutive expiries; sessions without an assignment are skipped, an answered
 * or open assignment ends the run.</li>
 * <li>Split alliance uses the total; a session is shared when at least two raters have a scored total, and it is
 * flagged when max − min reaches the RCI threshold.</li>
 * </ul>
 */
package io.rapport.trend;
