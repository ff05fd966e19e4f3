package io.rapport.questionnaire;

/** One reason a questionnaire or content-pack file was refused; {@code field} is a JSON pointer. */
public record LoadProblem(String file, String field, String reason) {

    @Override
    public String toString() {
        return file + ": " + (field.isEmpty() ? "/" : field) + ": " + reason;
    }
}
