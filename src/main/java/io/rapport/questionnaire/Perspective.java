package io.rapport.questionnaire;

/**
 * A therapist's form of a client instrument: {@code of} is the client instrument it mirrors item for item, and
 * {@code view} says whether the therapist answers for themself ({@code own}) or as they think the client answered
 * ({@code prediction}), from which empathic accuracy is measured.
 */
public record Perspective(String of, String view) {

    public static final String OWN = "own";
    public static final String PREDICTION = "prediction";

    public boolean prediction() {
        return PREDICTION.equals(view);
    }
}
