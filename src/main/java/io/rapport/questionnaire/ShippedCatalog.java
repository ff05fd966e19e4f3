package io.rapport.questionnaire;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the catalog shipped with the application, {@code questionnaires/} on the classpath: a folder in dev mode and
 * tests, a folder inside the jar when packaged. So the jar runs from any working directory.
 */
public final class ShippedCatalog {

    static final String RESOURCE = "questionnaires/" + QuestionnaireCatalog.SCHEMA_FILE;

    private ShippedCatalog() {
    }

    /** The shipped catalog's folder as a {@link Path}, inside a zip file system when it sits in a jar. */
    public static Path locate(ClassLoader loader) {
        URL url = loader.getResource(RESOURCE);
        if (url == null) {
            throw new QuestionnaireLoadException(RESOURCE, "", "the shipped catalog is not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem zip;
                try {
                    zip = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    zip = FileSystems.getFileSystem(uri);
                }
                return zip.getPath("/" + RESOURCE).getParent();
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new QuestionnaireLoadException(url.toString(), "", "cannot open the shipped catalog: " + e);
        }
    }
}
