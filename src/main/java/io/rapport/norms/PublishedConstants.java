package io.rapport.norms;

import java.time.Instant;
import java.util.Map;

/**
 * One revision of the constants an admin set for an instrument version from a publication.
 *
 * @param withdrawn true for a revision that withdrew the constants; {@code scales} is then empty
 * @param scales reference SD and reliability by scale ({@code total} or a subscale)
 */
public record PublishedConstants(String questionnaireId, String version, int revision, boolean withdrawn,
        String citation, String link, String setBy, Instant setAt, Map<String, Scale> scales) {

    /** Constants of one scale. */
    public record Scale(double referenceSd, double reliability) {
    }
}
