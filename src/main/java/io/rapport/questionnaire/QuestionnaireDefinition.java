package io.rapport.questionnaire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One version of one instrument, as read from {@code questionnaires/<id>-<version>.yaml}. */
public record QuestionnaireDefinition(
        String id,
        String version,
        String title,
        String construct,
        String rater,
        String citation,
        String copyright,
        String licence,
        boolean placeholderText,
        String note,
        List<String> languages,
        List<Item> items,
        Map<String, List<String>> subscales,
        ScoringRule scoring,
        List<Cutoff> interpretation,
        List<ReliableChange> reliableChange,
        Perspective perspective) {

    public static final String TOTAL = "total";
    /** Who answers: the client about their session, or the therapist (see {@link #perspective}). */
    public static final String CLIENT = "client";
    public static final String THERAPIST = "therapist";

    public QuestionnaireDefinition {
        languages = languages == null ? List.of() : List.copyOf(languages);
        items = items == null ? List.of() : List.copyOf(items);
        subscales = subscales == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
        interpretation = interpretation == null ? List.of() : List.copyOf(interpretation);
        reliableChange = reliableChange == null ? List.of() : List.copyOf(reliableChange);
    }

    /** Whether the client answers this instrument; therapist-rated forms are never shown to clients. */
    @JsonIgnore
    public boolean clientRated() {
        return CLIENT.equals(rater);
    }

    /** {@code id@version}, the key used in {@code released.json}. */
    @JsonIgnore
    public String key() {
        return id + "@" + version;
    }

    /** The first listed language; placeholder texts must exist in it. */
    @JsonIgnore
    public String defaultLanguage() {
        return languages.get(0);
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The item ids of a scale: every item for {@link #TOTAL}, a subscale's members, or none for an unknown scale. */
    public List<String> scaleItems(String scale) {
        return TOTAL.equals(scale) ? items.stream().map(Item::id).toList() : subscales.getOrDefault(scale, List.of());
    }

    /** The smallest change a scale's score can show: one item step on a sum, a share of it on a mean. */
    public double scaleStep(String scale) {
        List<String> ids = scaleItems(scale);
        List<Item> members = items.stream().filter(i -> ids.contains(i.id())).toList();
        BigDecimal itemStep = members.stream().map(Item::step).min(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (scoring.method() == ScoringMethod.MEAN && !members.isEmpty()) {
            return itemStep.divide(BigDecimal.valueOf(members.size()), MathContext.DECIMAL64).doubleValue();
        }
        return itemStep.doubleValue();
    }

    /** Lowest possible total; reverse scoring maps the item range onto itself, so it does not matter here. */
    @JsonIgnore
    public BigDecimal totalMin() {
        return combine(items.stream().map(Item::min).toList());
    }

    @JsonIgnore
    public BigDecimal totalMax() {
        return combine(items.stream().map(Item::max).toList());
    }

    private BigDecimal combine(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (scoring.method() == ScoringMethod.MEAN && !values.isEmpty()) {
            return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        }
        return sum;
    }
}
