package io.rapport.delivery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rapport.questionnaire.Item;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.questionnaire.ResponseType;

/** Flags answers that deserve a second look; they are stored, never rejected, because the client may be right. */
public final class QualityCheck {

    public static final String TOO_FAST = "too-fast";
    public static final String STRAIGHT_LINED = "straight-lined";

    private final double minSecondsPerItem;
    private final int straightLineMinItems;

    public QualityCheck(double minSecondsPerItem, int straightLineMinItems) {
        this.minSecondsPerItem = minSecondsPerItem;
        this.straightLineMinItems = straightLineMinItems;
    }

    /**
     * @param durationMs time from the form being shown to its submission, null when unknown
     * @param itemsTimed the items answered in that time; a combined page times all of its questionnaires together
     */
    public List<String> flags(QuestionnaireDefinition d, Map<String, Object> answers, Long durationMs,
            int itemsTimed) {
        List<String> flags = new ArrayList<>();
        if (durationMs != null && itemsTimed > 0 && durationMs < minSecondsPerItem * 1000 * itemsTimed) {
            flags.add(TOO_FAST);
        }
        List<BigDecimal> likert = new ArrayList<>();
        for (Item item : d.items()) {
            Object v = answers.get(item.id());
            if (item.type() == ResponseType.LIKERT && v instanceof Number n) {
                likert.add(new BigDecimal(n.toString()).stripTrailingZeros());
            }
        }
        if (likert.size() >= straightLineMinItems && likert.stream().distinct().count() == 1
                && likert.stream().allMatch(Objects::nonNull)) {
            flags.add(STRAIGHT_LINED);
        }
        return flags;
    }
}
