package io.rapport.scoring;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/** The shipped instruments, loaded once for all scoring tests. */
final class Instruments {

    static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load(Path.of("questionnaires"), Optional.empty());

    private Instruments() {
    }

    static QuestionnaireDefinition get(String id) {
        return CATALOG.latest(id).orElseThrow();
    }

    /** Answers "1".."n" from the given values, in item order; null leaves the item out. */
    static Map<String, Object> answers(Object... values) {
        Map<String, Object> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                answers.put(String.valueOf(i + 1), values[i]);
            }
        }
        return answers;
    }

    static List<QuestionnaireDefinition> all() {
        return CATALOG.all();
    }
}
