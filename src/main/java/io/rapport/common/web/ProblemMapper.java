package io.rapport.common.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem;
import io.rapport.common.error.Problem.FieldError;

/**
 * The one place where failures become RFC 9457 problem details. Messages come from this class or from
 * {@link ApiException}, never from the exception text of a library, so no class name or stack trace leaks.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, ContainerRequestContext request) {
        return response(e, request);
    }

    /** The problem response of an {@link ApiException}, for the features' own exception mappers. */
    public static Response response(ApiException e, ContainerRequestContext request) {
        Response r = problem(request, e.status(), e.code(), e.title(), e.getMessage(), e.errors());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build()
                : r;
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid");
        return problem(request, 422, "validation", "Unprocessable Content", detail, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, ContainerRequestContext request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, ContainerRequestContext request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedProperty(UnrecognizedPropertyException e, ContainerRequestContext request) {
        return badJson(e, request);
    }

    @ServerExceptionMapper
    public Response dataConflict(org.hibernate.exception.ConstraintViolationException e,
            ContainerRequestContext request) {
        return problem(request, 409, "conflict", "Conflict",
                "The request conflicts with data that already exists; retry or change the request", List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return isPage(request) ? toLogin() : unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return isPage(request) ? toLogin() : unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        if (isPage(request)) {
            return ForbiddenPage.response();
        }
        return problem(request, 403, "forbidden", "Forbidden", "This credential may not perform this action",
                List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return badJson(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + request.getUriInfo().getPath();
            case 405 -> "Method " + request.getMethod() + " is not allowed here";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        return problem(request, status, "http-" + status, title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (DatabaseOutage.isUnavailable(e)) {
            // The database is down or restarting: a temporary condition the client should retry, not a bug.
            LOG.warnf("Database unavailable, answering 503, request id %s: %s",
                    request == null ? "-" : RequestIdFilter.requestId(request), e.toString());
            Response r = problem(request, 503, "unavailable", "Service Unavailable",
                    "The service cannot reach its database right now; retry after the given delay", List.of());
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected failure, request id %s", RequestIdFilter.requestId(request));
        return problem(request, 500, "internal", "Internal Server Error",
                "Something went wrong on our side; quote the request id when reporting it", List.of());
    }

    private Response badJson(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof JsonParseException) {
            return problem(request, 400, "malformed-json", "Bad Request",
                    "The body is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    List.of());
        }
        FieldError error = JsonErrors.of(e);
        return problem(request, 400, "invalid-json", "Bad Request", error.field() + " " + error.message(),
                List.of(error));
    }

    /** Browser pages live outside /api and /fhir; they answer with redirects and HTML instead of problem details. */
    private static boolean isPage(ContainerRequestContext request) {
        return request != null && !ApiPaths.isApi(request.getUriInfo().getPath())
                && !request.getUriInfo().getPath().startsWith("/q/");
    }

    private static Response toLogin() {
        return Response.seeOther(URI.create("/login")).build();
    }

    private Response unauthenticated(ContainerRequestContext request) {
        Response r = problem(request, 401, "unauthorized", "Unauthorized",
                "Send a valid API key as 'Authorization: Bearer <key>'", List.of());
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rapport\"").build();
    }

    private static Response problem(ContainerRequestContext request, int status, String code, String title,
            String detail, List<FieldError> errors) {
        String requestId = request == null ? UUID.randomUUID().toString() : RequestIdFilter.requestId(request);
        String instance = request == null ? null : request.getUriInfo().getRequestUri().getRawPath();
        Problem body = new Problem("urn:rapport:problem:" + code, title, status, detail, instance, requestId,
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                // A body parameter is named by its fields; a path or query parameter by itself.
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            String last = null;
            for (Path.Node node : v.getPropertyPath()) {
                last = node.getName();
            }
            return last == null ? "body" : last;
        }
        return String.join(".", parts);
    }
}
