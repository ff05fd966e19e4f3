package io.rapport.scoring;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown with every problem of an answer set, not only the first. */
public class InvalidAnswersException extends RuntimeException {

    private final List<AnswerProblem> problems;

    public InvalidAnswersException(List<AnswerProblem> problems) {
        super(problems.stream().map(p -> p.itemId() + " " + p.code() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}
