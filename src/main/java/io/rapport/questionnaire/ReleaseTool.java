package io.rapport.questionnaire;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Marks versions as released: {@code java io.rapport.questionnaire.ReleaseTool questionnaires wai-sr@1.0.0 ...}.
 * Refuses unknown versions; already released ones are verified by loading the catalog first.
 */
public final class ReleaseTool {

    private ReleaseTool() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(dir, Optional.empty());
        Path file = dir.resolve(QuestionnaireCatalog.RELEASED_FILE);
        Map<String, String> fingerprints = new HashMap<>(ReleaseRegistry.load(file).fingerprints());
        for (int i = 1; i < args.length; i++) {
            String[] key = args[i].split("@", 2);
            QuestionnaireDefinition d = catalog.get(key[0], key[1])
                    .orElseThrow(() -> new IllegalArgumentException("unknown " + String.join("@", key)));
            fingerprints.put(d.key(), Fingerprint.of(d));
        }
        ReleaseRegistry.write(file, fingerprints);
    }
}
