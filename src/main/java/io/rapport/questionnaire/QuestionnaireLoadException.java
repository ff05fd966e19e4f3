package io.rapport.questionnaire;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when questionnaire files or content packs are invalid; the message lists every problem. */
public class QuestionnaireLoadException extends RuntimeException {

    private final List<LoadProblem> problems;

    public QuestionnaireLoadException(List<LoadProblem> problems) {
        super(problems.stream().map(LoadProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public QuestionnaireLoadException(String file, String field, String reason) {
        this(List.of(new LoadProblem(file, field, reason)));
    }

    public List<LoadProblem> problems() {
        return problems;
    }
}
