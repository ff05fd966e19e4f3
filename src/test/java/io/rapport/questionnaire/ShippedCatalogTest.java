package io.rapport.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog the application ships, found on the classpath whether it sits in a folder or in a jar. */
class ShippedCatalogTest {

    private static final Path REPOSITORY = Path.of("questionnaires");

    private static List<String> keys(QuestionnaireCatalog catalog) {
        return catalog.all().stream().map(QuestionnaireDefinition::key).sorted().toList();
    }

    @Test
    void shouldFindTheShippedCatalogOnTheClasspath() {
        Path shipped = ShippedCatalog.locate(getClass().getClassLoader());
        assertThat(shipped.resolve(QuestionnaireCatalog.SCHEMA_FILE)).exists();
        assertThat(keys(QuestionnaireCatalog.load(shipped, Optional.empty())))
                .isEqualTo(keys(QuestionnaireCatalog.load(REPOSITORY, Optional.empty()))).isNotEmpty();
    }

    @Test
    void shouldReadTheCatalogFromInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(REPOSITORY)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                zip.putNextEntry(new ZipEntry("questionnaires/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            Path shipped = ShippedCatalog.locate(loader);
            assertThat(shipped.toUri().getScheme()).isEqualTo("jar");
            QuestionnaireCatalog catalog = QuestionnaireCatalog.load(shipped, Optional.empty());
            assertThat(keys(catalog)).isEqualTo(keys(QuestionnaireCatalog.load(REPOSITORY, Optional.empty())));
            assertThat(catalog.unreleased()).isEqualTo(QuestionnaireCatalog.load(REPOSITORY, Optional.empty())
                    .unreleased());
        }
    }

    @Test
    void shouldSayWhenTheShippedCatalogIsMissing() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShippedCatalog.locate(empty))
                    .isInstanceOf(QuestionnaireLoadException.class).hasMessageContaining("not on the classpath");
        }
    }

    @Test
    void shouldLetAFolderAddAndReplaceShippedVersions(@TempDir Path extra) throws Exception {
        String sai = Files.readString(REPOSITORY.resolve("sai-0.1.0.yaml"));
        Files.writeString(extra.resolve("sai-local-0.1.0.yaml"), sai.replaceFirst("(?m)^id: sai$", "id: sai-local"));
        Files.writeString(extra.resolve("sai-0.1.0.yaml"), sai.replaceFirst("(?m)^title: .*$", "title: \"Local SAI\""));

        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(List.of(REPOSITORY, extra), Optional.empty());

        assertThat(catalog.get("sai-local", "0.1.0")).isPresent();
        assertThat(catalog.get("sai", "0.1.0").orElseThrow().title()).isEqualTo("Local SAI");
        assertThat(catalog.all()).hasSize(QuestionnaireCatalog.load(REPOSITORY, Optional.empty()).all().size() + 1);
    }
}
