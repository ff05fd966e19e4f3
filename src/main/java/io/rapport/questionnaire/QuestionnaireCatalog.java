package io.rapport.questionnaire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * All questionnaire definitions of a directory, validated, checked against {@code released.json}, plus optional
 * licensed wording. Immutable and safe to share between threads.
 */
public final class QuestionnaireCatalog {

    public static final String SCHEMA_FILE = "schema.json";
    public static final String RELEASED_FILE = "released.json";

    private final Map<String, QuestionnaireDefinition> byKey;
    private final Set<String> unreleased;
    private final ContentPack contentPack;

    private QuestionnaireCatalog(Map<String, QuestionnaireDefinition> byKey, Set<String> unreleased,
            ContentPack contentPack) {
        this.byKey = Map.copyOf(byKey);
        this.unreleased = Set.copyOf(unreleased);
        this.contentPack = contentPack;
    }

    /**
     * Loads every {@code *.yaml} in {@code dir}, validated against {@code dir/schema.json}.
     *
     * @throws QuestionnaireLoadException listing every invalid file with field and reason, or a released version
     *         that changed
     */
    public static QuestionnaireCatalog load(Path dir, Optional<Path> contentPackDir) {
        return load(List.of(dir), contentPackDir);
    }

    /**
     * Loads the catalogs in order, all validated against the first one's {@code schema.json}: a later folder adds
     * instruments and replaces an earlier folder's version of the same id and version. Each folder's
     * {@code released.json} speaks for its own files.
     *
     * @throws QuestionnaireLoadException listing every invalid file with field and reason, or a released version
     *         that changed
     */
    public static QuestionnaireCatalog load(List<Path> dirs, Optional<Path> contentPackDir) {
        QuestionnaireParser parser = new QuestionnaireParser(dirs.get(0).resolve(SCHEMA_FILE));
        Map<String, QuestionnaireDefinition> byKey = new HashMap<>();
        Set<String> unreleased = new TreeSet<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (Path dir : dirs) {
            ReleaseRegistry registry = ReleaseRegistry.load(dir.resolve(RELEASED_FILE));
            Set<String> inThisDir = new HashSet<>();
            for (Path file : yamlFiles(dir)) {
                try {
                    QuestionnaireDefinition d = parser.parse(file);
                    String expectedName = d.id() + "-" + d.version() + ".yaml";
                    if (!file.getFileName().toString().equals(expectedName)) {
                        problems.add(new LoadProblem(file.toString(), "/id", "file must be named " + expectedName));
                    } else if (!inThisDir.add(d.key())) {
                        problems.add(new LoadProblem(file.toString(), "/version", "duplicate " + d.key()));
                    } else {
                        byKey.put(d.key(), d);
                    }
                    registry.verify(file, d);
                    unreleased.remove(d.key());
                    if (!registry.isReleased(d.key())) {
                        unreleased.add(d.key());
                    }
                } catch (QuestionnaireLoadException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        byKey.values().forEach(d -> checkMirror(d, byKey.values(), problems));
        if (!problems.isEmpty()) {
            throw new QuestionnaireLoadException(problems);
        }
        ContentPack pack = contentPackDir.map(p -> ContentPack.load(p, byKey)).orElse(ContentPack.empty());
        return new QuestionnaireCatalog(byKey, unreleased, pack);
    }

    /** A therapist's form must mirror a client instrument's items and subscales in some loaded version. */
    private static void checkMirror(QuestionnaireDefinition d, Collection<QuestionnaireDefinition> all,
            List<LoadProblem> problems) {
        if (d.perspective() == null) {
            return;
        }
        boolean mirrored = all.stream().anyMatch(c -> c.id().equals(d.perspective().of()) && c.clientRated()
                && c.items().stream().map(Item::id).toList().equals(d.items().stream().map(Item::id).toList())
                && c.subscales().equals(d.subscales()));
        if (!mirrored) {
            problems.add(new LoadProblem(d.key(), "/perspective/of", "no client instrument '" + d.perspective().of()
                    + "' with the same item ids and subscales is loaded"));
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new QuestionnaireLoadException(dir.toString(), "", "cannot list questionnaires: " + e.getMessage());
        }
    }

    public Optional<QuestionnaireDefinition> get(String id, String version) {
        return Optional.ofNullable(byKey.get(id + "@" + version));
    }

    /** Highest version by semantic-version order, released or not. */
    public Optional<QuestionnaireDefinition> latest(String id) {
        return byKey.values().stream().filter(d -> d.id().equals(id))
                .max(Comparator.comparing(QuestionnaireDefinition::version, Semver.ORDER));
    }

    /** Whether the latest version of {@code id} is answered by the client; unknown ids count as client-rated. */
    public boolean clientRated(String id) {
        return latest(id).map(QuestionnaireDefinition::clientRated).orElse(true);
    }

    /** The therapist's forms that mirror client instrument {@code clientId}, at their latest versions, by id. */
    public List<QuestionnaireDefinition> perspectivesOf(String clientId) {
        return byKey.values().stream().filter(d -> d.perspective() != null && d.perspective().of().equals(clientId))
                .map(QuestionnaireDefinition::id).distinct().sorted().map(id -> latest(id).orElseThrow()).toList();
    }

    /** Highest released version by semantic-version order. */
    public Optional<QuestionnaireDefinition> latestReleased(String id) {
        return byKey.values().stream().filter(d -> d.id().equals(id) && !unreleased.contains(d.key()))
                .max(Comparator.comparing(QuestionnaireDefinition::version, Semver.ORDER));
    }

    /** Languages of licensed wording installed for this version; empty without a content pack. */
    public List<String> contentPackLanguages(String id, String version) {
        return contentPack.languages(id + "@" + version);
    }

    /** Sorted by id, then version. */
    public List<QuestionnaireDefinition> all() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(QuestionnaireDefinition::id)
                        .thenComparing(QuestionnaireDefinition::version, Semver.ORDER))
                .toList();
    }

    /** {@code id@version} of loaded definitions not listed in {@code released.json}. */
    public Set<String> unreleased() {
        return unreleased;
    }

    public boolean isReleased(String id, String version) {
        return byKey.containsKey(id + "@" + version) && !unreleased.contains(id + "@" + version);
    }

    /**
     * Wording in {@code language}, falling back content pack → placeholder, then requested language → the
     * instrument's default language.
     */
    public Optional<QuestionnaireText> text(String id, String version, String language) {
        return get(id, version).map(d -> resolve(d, language));
    }

    private QuestionnaireText resolve(QuestionnaireDefinition d, String language) {
        Optional<PackText> pack = contentPack.text(d.key(), language);
        if (pack.isPresent()) {
            return fromPack(d, language, pack.get());
        }
        if (d.items().stream().allMatch(i -> i.text().containsKey(language))) {
            return placeholder(d, language);
        }
        String fallback = d.defaultLanguage();
        return contentPack.text(d.key(), fallback).map(p -> fromPack(d, fallback, p))
                .orElseGet(() -> placeholder(d, fallback));
    }

    private static QuestionnaireText fromPack(QuestionnaireDefinition d, String language, PackText pack) {
        Map<String, Map<String, String>> anchors = new LinkedHashMap<>();
        for (Item item : d.items()) {
            Map<String, String> labels = pack.anchors().getOrDefault(item.id(),
                    item.anchors().getOrDefault(language, item.anchors().getOrDefault(d.defaultLanguage(), Map.of())));
            anchors.put(item.id(), labels);
        }
        return new QuestionnaireText(d.id(), d.version(), language, TextSource.CONTENT_PACK, pack.items(), anchors);
    }

    private static QuestionnaireText placeholder(QuestionnaireDefinition d, String language) {
        Map<String, String> items = new LinkedHashMap<>();
        Map<String, Map<String, String>> anchors = new LinkedHashMap<>();
        for (Item item : d.items()) {
            items.put(item.id(), item.text().get(language));
            anchors.put(item.id(), item.anchors().getOrDefault(language,
                    item.anchors().getOrDefault(d.defaultLanguage(), Map.of())));
        }
        return new QuestionnaireText(d.id(), d.version(), language, TextSource.PLACEHOLDER, items, anchors);
    }
}
