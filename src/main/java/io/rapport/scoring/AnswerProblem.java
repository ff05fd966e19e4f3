package io.rapport.scoring;

/** One reason an answer set was refused. */
public record AnswerProblem(String itemId, Code code, String message) {

    public enum Code {
        UNKNOWN_ITEM,
        OUT_OF_RANGE,
        OFF_STEP,
        NOT_APPLICABLE_NOT_ALLOWED,
        WRONG_TYPE,
        MISSING_REQUIRED
    }
}
