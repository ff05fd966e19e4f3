package io.rapport.questionnaire;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.questionnaire")
public interface QuestionnaireConfig {

    /** The directory of instrument files, {@code schema.json} and {@code released.json}. */
    @WithDefault("questionnaires")
    String dir();

    /**
     * A directory of licensed wording and translations installed by the organization, laid out as
     * {@code <id>/<version>/<lang>.yaml}. Without it, clients see the project's placeholder texts.
     */
    Optional<String> contentPackDir();
}
