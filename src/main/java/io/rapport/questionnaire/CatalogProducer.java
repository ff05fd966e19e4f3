package io.rapport.questionnaire;

import java.nio.file.Path;

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
        QuestionnaireCatalog catalog = QuestionnaireCatalog.load(Path.of(config.dir()),
                config.contentPackDir().map(Path::of));
        LOG.infof("Loaded %d questionnaire versions from %s%s", catalog.all().size(), config.dir(),
                catalog.unreleased().isEmpty() ? "" : "; unreleased: " + catalog.unreleased());
        return catalog;
    }
}
