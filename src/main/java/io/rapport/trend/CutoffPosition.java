package io.rapport.trend;

/**
 * Where the latest score stands against the cutoff.
 *
 * @param cutoff the cutoff value
 * @param concernWhen side of concern
 * @param latest latest score
 * @param distance latest − cutoff
 * @param concern whether the latest score is strictly on the concerning side (a score equal to the cutoff is not)
 */
public record CutoffPosition(double cutoff, Direction concernWhen, double latest, double distance, boolean concern) {
}
