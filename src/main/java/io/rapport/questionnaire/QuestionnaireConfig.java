package io.rapport.questionnaire;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "rapport.questionnaire")
public interface QuestionnaireConfig {

    /**
     * An extra directory of instrument files (with its own {@code released.json}): they are added to the catalog
     * shipped with the application, and replace a shipped version of the same id and version. Without it, the
     * shipped catalog alone.
     */
    Optional<String> dir();

    /**
     * A directory of licensed wording and translations installed by the organization, laid out as
     * {@code <id>/<version>/<lang>.yaml}. Without it, clients see the project's placeholder texts.
     */
    Optional<String> contentPackDir();
}
