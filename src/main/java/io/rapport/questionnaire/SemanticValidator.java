package io.rapport.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the schema cannot express: cross references, ranges and consistency of the scoring rule. */
final class SemanticValidator {

    private SemanticValidator() {
    }

    static List<LoadProblem> validate(String file, QuestionnaireDefinition d) {
        List<LoadProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.items().size(); i++) {
            checkItem(file, d, d.items().get(i), "/items/" + i, ids, problems);
        }
        d.subscales().forEach((name, members) -> {
            for (int i = 0; i < members.size(); i++) {
                if (d.item(members.get(i)).isEmpty()) {
                    problems.add(new LoadProblem(file, "/subscales/" + name + "/" + i,
                            "unknown item id '" + members.get(i) + "'"));
                }
            }
            if (QuestionnaireDefinition.TOTAL.equals(name)) {
                problems.add(new LoadProblem(file, "/subscales/total", "'total' is reserved for the whole scale"));
            }
        });
        checkScoring(file, d, problems);
        checkCutoffs(file, d, problems);
        // A therapist's form exists to be set against a client instrument, item for item.
        if (QuestionnaireDefinition.THERAPIST.equals(d.rater()) != (d.perspective() != null)) {
            problems.add(new LoadProblem(file, "/perspective", "is required for rater 'therapist' and only for it"));
        }
        for (int i = 0; i < d.reliableChange().size(); i++) {
            String scale = d.reliableChange().get(i).scale();
            if (!isScale(d, scale)) {
                problems.add(new LoadProblem(file, "/reliableChange/" + i + "/scale", "unknown scale '" + scale + "'"));
            }
        }
        return problems;
    }

    private static void checkItem(String file, QuestionnaireDefinition d, Item item, String at, Set<String> ids,
            List<LoadProblem> problems) {
        if (!ids.add(item.id())) {
            problems.add(new LoadProblem(file, at + "/id", "duplicate item id '" + item.id() + "'"));
        }
        if (item.min().compareTo(item.max()) >= 0) {
            problems.add(new LoadProblem(file, at + "/max", "max must be greater than min"));
        } else if (item.step() != null && !onStep(item.max(), item.min(), item.step())) {
            problems.add(new LoadProblem(file, at + "/step", "max is not reachable from min in steps of " + item.step()));
        }
        if (!item.text().containsKey(d.defaultLanguage())) {
            problems.add(new LoadProblem(file, at + "/text", "missing text in default language '" + d.defaultLanguage() + "'"));
        }
        for (String lang : item.text().keySet()) {
            if (!d.languages().contains(lang)) {
                problems.add(new LoadProblem(file, at + "/text/" + lang, "language not listed in /languages"));
            }
        }
        for (Map.Entry<String, Map<String, String>> perLang : item.anchors().entrySet()) {
            for (String value : perLang.getValue().keySet()) {
                if (!anchorInRange(item, value)) {
                    problems.add(new LoadProblem(file, at + "/anchors/" + perLang.getKey() + "/" + value,
                            "anchor value outside " + item.min() + ".." + item.max() + " or off the scale step"));
                }
            }
        }
        if (item.allowNotApplicable() && d.scoring().imputation() == Imputation.NONE) {
            problems.add(new LoadProblem(file, at + "/allowNotApplicable",
                    "not-applicable answers need an imputation rule other than 'none'"));
        }
    }

    private static boolean anchorInRange(Item item, String value) {
        try {
            BigDecimal v = new BigDecimal(value);
            return v.compareTo(item.min()) >= 0 && v.compareTo(item.max()) <= 0 && onStep(v, item.min(), item.step());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean onStep(BigDecimal value, BigDecimal min, BigDecimal step) {
        return value.subtract(min).remainder(step).signum() == 0;
    }

    private static void checkScoring(String file, QuestionnaireDefinition d, List<LoadProblem> problems) {
        ScoringRule s = d.scoring();
        if (s.imputation() == Imputation.NONE && s.maxMissing() > 0) {
            problems.add(new LoadProblem(file, "/scoring/maxMissing", "must be 0 when imputation is 'none'"));
        }
        if (s.maxMissing() >= d.items().size()) {
            problems.add(new LoadProblem(file, "/scoring/maxMissing", "must be smaller than the number of items"));
        }
        if (s.imputation() == Imputation.NONE && s.subscaleMaxMissing() > 0) {
            problems.add(new LoadProblem(file, "/scoring/subscaleMaxMissing", "must be 0 when imputation is 'none'"));
        }
    }

    private static void checkCutoffs(String file, QuestionnaireDefinition d, List<LoadProblem> problems) {
        for (int i = 0; i < d.interpretation().size(); i++) {
            Cutoff c = d.interpretation().get(i);
            String at = "/interpretation/" + i;
            if (!QuestionnaireDefinition.TOTAL.equals(c.scale())) {
                if (!d.subscales().containsKey(c.scale())) {
                    problems.add(new LoadProblem(file, at + "/scale", "unknown scale '" + c.scale() + "'"));
                }
                continue;
            }
            if (c.value().compareTo(d.totalMin()) <= 0 || c.value().compareTo(d.totalMax()) > 0) {
                problems.add(new LoadProblem(file, at + "/value",
                        "cutoff " + c.value() + " outside the score range " + d.totalMin() + ".." + d.totalMax()));
            }
        }
    }

    private static boolean isScale(QuestionnaireDefinition d, String scale) {
        return QuestionnaireDefinition.TOTAL.equals(scale) || d.subscales().containsKey(scale);
    }
}
