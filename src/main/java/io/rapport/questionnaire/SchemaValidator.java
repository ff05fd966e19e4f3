package io.rapport.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates questionnaire documents against {@code questionnaires/schema.json}. */
final class SchemaValidator {

    private final JsonSchema schema;

    SchemaValidator(Path schemaFile) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new QuestionnaireLoadException(schemaFile.toString(), "", "schema not readable: " + e.getMessage());
        }
    }

    List<LoadProblem> validate(String file, JsonNode document) {
        return schema.validate(document).stream()
                .map(m -> new LoadProblem(file, pointer(m), m.getError() == null ? m.getMessage() : m.getError()))
                .sorted(Comparator.comparing(LoadProblem::field).thenComparing(LoadProblem::reason))
                .toList();
    }

    private static String pointer(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String property = message.getProperty();
        if (property != null && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))) {
            return location + "/" + property;
        }
        return location;
    }
}
