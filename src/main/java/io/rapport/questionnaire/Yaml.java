package io.rapport.questionnaire;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Shared YAML reading; floats become BigDecimal so 0.1 steps stay exact. */
final class Yaml {

    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Yaml() {
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node;
            // A stream, not a File: the shipped catalog may sit inside the application's jar.
            try (var in = java.nio.file.Files.newInputStream(file)) {
                node = MAPPER.readTree(in);
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new QuestionnaireLoadException(file.toString(), "", "file is empty");
            }
            return node;
        } catch (IOException e) {
            throw new QuestionnaireLoadException(file.toString(), "", "not readable YAML: " + e.getMessage());
        }
    }
}
