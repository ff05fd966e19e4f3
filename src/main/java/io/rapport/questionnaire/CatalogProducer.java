package io.rapport.questionnaire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/** Loads the catalog once at start; an invalid file stops the start with its file, field and reason. */
public class CatalogProducer {

    private static final Logger LOG = Logger.getLogger(CatalogProducer.class);

    @Produces
    @Singleton
    @Startup
    QuestionnaireCatalog catalog(QuestionnaireConfig config) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(ShippedCatalog.locate(CatalogProducer.class.getClassLoader()));
        config.dir().map(Path::of).ifPresent(dirs::add);
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(dirs, config.contentPackDir().map(Path::of));
        LOG.infof("Loaded %d questionnaire versions from the shipped catalog%s%s", catalog.all().size(),
                config.dir().map(d -> " and " + d).orElse(""),
                catalog.unreleased().isEmpty() ? "" : "; unreleased: " + catalog.unreleased());
        return catalog;
    }
}
