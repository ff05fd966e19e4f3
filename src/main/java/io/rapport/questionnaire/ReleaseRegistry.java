package io.rapport.questionnaire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code released.json}: {@code id@version -> fingerprint}. A released version may never change its scoring; a
 * changed file must get a new version.
 */
public final class ReleaseRegistry {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;
    private final Map<String, String> fingerprints;

    private ReleaseRegistry(Path file, Map<String, String> fingerprints) {
        this.file = file;
        this.fingerprints = Map.copyOf(fingerprints);
    }

    /** A missing file means nothing is released yet. */
    public static ReleaseRegistry load(Path file) {
        if (!Files.exists(file)) {
            return new ReleaseRegistry(file, Map.of());
        }
        try (var in = Files.newInputStream(file)) {
            return new ReleaseRegistry(file, JSON.readValue(in, new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new QuestionnaireLoadException(file.toString(), "", "not a JSON object of id@version to SHA-256: "
                    + e.getMessage());
        }
    }

    public boolean isReleased(String key) {
        return fingerprints.containsKey(key);
    }

    /** Refuses a released definition whose scoring-relevant content differs from what was released. */
    public void verify(Path source, QuestionnaireDefinition definition) {
        String expected = fingerprints.get(definition.key());
        if (expected == null) {
            return;
        }
        String actual = Fingerprint.of(definition);
        if (!expected.equals(actual)) {
            throw new QuestionnaireLoadException(source.toString(), "/version",
                    "released version " + definition.key() + " has changed (fingerprint " + actual + ", released "
                            + expected + "); released versions are immutable, bump the version instead");
        }
    }

    public Map<String, String> fingerprints() {
        return fingerprints;
    }

    /** Writes a registry with the given definitions added; used by the release tooling and tests. */
    public static void write(Path file, Map<String, String> fingerprints) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(new TreeMap<>(fingerprints)) + "\n");
    }

    public Path file() {
        return file;
    }
}
