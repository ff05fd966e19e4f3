package io.rapport.questionnaire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads one questionnaire YAML file: schema validation, mapping to records, semantic validation. */
public final class QuestionnaireParser {

    private final SchemaValidator schema;

    public QuestionnaireParser(Path schemaFile) {
        this.schema = new SchemaValidator(schemaFile);
    }

    /** @throws QuestionnaireLoadException naming file, JSON pointer and reason of every problem found */
    public QuestionnaireDefinition parse(Path file) {
        String name = file.toString();
        JsonNode document = Yaml.read(file);
        List<LoadProblem> problems = new ArrayList<>(schema.validate(name, document));
        if (!problems.isEmpty()) {
            throw new QuestionnaireLoadException(problems);
        }
        QuestionnaireDefinition definition;
        try {
            definition = Yaml.MAPPER.treeToValue(document, QuestionnaireDefinition.class);
        } catch (JsonProcessingException e) {
            throw new QuestionnaireLoadException(name, "", "cannot map document: " + e.getOriginalMessage());
        }
        problems.addAll(SemanticValidator.validate(name, definition));
        if (!problems.isEmpty()) {
            throw new QuestionnaireLoadException(problems);
        }
        return definition;
    }
}
