package io.rapport.schedule;

import java.util.List;

/**
 * A questionnaire a schedule may send, for forms: its released versions, newest first.
 *
 * @param unreleasedVersion a version that is not released but scheduled already (through the API with
 *        allowUnreleased), so that a form can keep it; null otherwise
 */
public record ScheduleChoice(String questionnaireId, String title, List<String> releasedVersions,
        String unreleasedVersion) {
}
