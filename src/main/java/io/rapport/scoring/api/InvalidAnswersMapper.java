package io.rapport.scoring.api;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.common.web.ProblemMapper;
import io.rapport.scoring.InvalidAnswersException;

/** The one translation of invalid answers into a 422, wherever the API scores them (preview or submission). */
public class InvalidAnswersMapper {

    @ServerExceptionMapper
    public Response invalidAnswers(InvalidAnswersException e, ContainerRequestContext request) {
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError("answers." + p.itemId(), p.message())).toList();
        return ProblemMapper.response(new ApiException(422, "invalid-answers", "Unprocessable Content",
                errors.size() + " answer(s) cannot be scored", errors), request);
    }
}
