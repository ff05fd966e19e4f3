package io.rapport.questionnaire;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Official wording installed by a licence holder: {@code
 *
<dir>
 * /<id>/<version>/<lang>.yaml} with {@code items: {"1":
 * "..."}} and optional {@code anchors: {"1": {"1": "...", "5": "..."}}}. A language file must cover every item.
 */
public final class ContentPack {

    private static final Pattern LANGUAGE_FILE = Pattern.compile("^([a-z]{2}(-[A-Z]{2})?)\\.yaml$");

    private final Map<String, Map<String, PackText>> texts;

    private ContentPack(Map<String, Map<String, PackText>> texts) {
        this.texts = texts;
    }

    public static ContentPack empty() {
        return new ContentPack(Map.of());
    }

    /** @param definitions by {@code id@version}; packs for anything else are refused */
    public static ContentPack load(Path dir, Map<String, QuestionnaireDefinition> definitions) {
        if (!Files.isDirectory(dir)) {
            throw new QuestionnaireLoadException(dir.toString(), "", "content pack directory does not exist");
        }
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, Map<String, PackText>> texts = new HashMap<>();
        for (Path file : files(dir)) {
            Path relative = dir.relativize(file);
            if (relative.getNameCount() != 3) {
                problems.add(new LoadProblem(file.toString(), "", "expected <id>/<version>/<lang>.yaml"));
                continue;
            }
            String key = relative.getName(0) + "@" + relative.getName(1);
            var matcher = LANGUAGE_FILE.matcher(relative.getName(2).toString());
            QuestionnaireDefinition definition = definitions.get(key);
            if (definition == null) {
                problems.add(new LoadProblem(file.toString(), "", "unknown instrument version " + key));
            } else if (!matcher.matches()) {
                problems.add(new LoadProblem(file.toString(), "", "file name must be a language code such as en.yaml"));
            } else {
                List<LoadProblem> fileProblems = new ArrayList<>();
                PackText text = read(file, definition, fileProblems);
                problems.addAll(fileProblems);
                if (fileProblems.isEmpty()) {
                    texts.computeIfAbsent(key, k -> new HashMap<>()).put(matcher.group(1), text);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new QuestionnaireLoadException(problems);
        }
        return new ContentPack(texts);
    }

    public Optional<PackText> text(String key, String language) {
        return Optional.ofNullable(texts.getOrDefault(key, Map.of()).get(language));
    }

    /** Languages installed for {@code id@version}, sorted. */
    public List<String> languages(String key) {
        return texts.getOrDefault(key, Map.of()).keySet().stream().sorted().toList();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new QuestionnaireLoadException(dir.toString(), "", "cannot read content pack: " + e.getMessage());
        }
    }

    private static PackText read(Path file, QuestionnaireDefinition d, List<LoadProblem> problems) {
        String name = file.toString();
        JsonNode node;
        try {
            node = Yaml.read(file);
        } catch (QuestionnaireLoadException e) {
            problems.addAll(e.problems());
            return null;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!field.equals("items") && !field.equals("anchors")) {
                problems.add(new LoadProblem(name, "/" + field, "unknown field; expected 'items' and 'anchors'"));
            }
        });
        if (!problems.isEmpty()) {
            return null;
        }
        PackText text;
        try {
            text = Yaml.MAPPER.treeToValue(node, PackText.class);
        } catch (JsonProcessingException e) {
            problems.add(new LoadProblem(name, "", "items must map item id to text, anchors item id to value to label: "
                    + e.getOriginalMessage()));
            return null;
        }
        for (Item item : d.items()) {
            String value = text.items().get(item.id());
            if (value == null || value.isBlank()) {
                problems.add(new LoadProblem(name, "/items/" + item.id(), "missing text for item " + item.id()));
            }
        }
        text.items().keySet().stream().filter(id -> d.item(id).isEmpty()).sorted().forEach(id -> problems.add(
                new LoadProblem(name, "/items/" + id, "unknown item id for " + d.key())));
        text.anchors().forEach((itemId, labels) -> {
            Optional<Item> item = d.item(itemId);
            if (item.isEmpty()) {
                problems.add(new LoadProblem(name, "/anchors/" + itemId, "unknown item id for " + d.key()));
                return;
            }
            labels.keySet().stream().filter(v -> !inRange(item.get(), v)).sorted().forEach(v -> problems.add(
                    new LoadProblem(name, "/anchors/" + itemId + "/" + v, "anchor value outside the item's scale")));
        });
        return text;
    }

    private static boolean inRange(Item item, String value) {
        try {
            BigDecimal v = new BigDecimal(value);
            return v.compareTo(item.min()) >= 0 && v.compareTo(item.max()) <= 0
                    && SemanticValidator.onStep(v, item.min(), item.step());
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
