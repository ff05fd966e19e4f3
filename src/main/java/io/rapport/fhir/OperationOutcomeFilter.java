package io.rapport.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.rapport.common.error.Problem;
import io.rapport.common.web.ApiPaths;

/**
 * Makes /fhir speak FHIR at both ends. Before matching, {@code _format} and {@code Accept} are reduced to FHIR
 * JSON (XML is not offered). After the call, every error on /fhir, whoever produced it (the problem mapper, the
 * security layer, the router), leaves as an OperationOutcome whose issues name the offending elements.
 */
public class OperationOutcomeFilter {

    private static final Set<String> JSON_FORMATS = Set.of("json", Fhir.JSON, MediaType.APPLICATION_JSON,
            "application/json+fhir");
    private static final Set<String> XML_FORMATS = Set.of("xml", "application/fhir+xml", MediaType.APPLICATION_XML,
            "text/xml", "application/xml+fhir");

    @ServerRequestFilter(preMatching = true)
    public Response negotiate(ContainerRequestContext request) {
        if (!ApiPaths.isFhir(request.getUriInfo().getPath())) {
            return null;
        }
        String format = request.getUriInfo().getQueryParameters().getFirst("_format");
        if (format != null) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!JSON_FORMATS.contains(f)) {
                return outcome(406, XML_FORMATS.contains(f) ? "XML is not supported; use _format=json"
                        : "unknown _format " + format, List.of(new Problem.FieldError("_format", "use json")));
            }
        } else if (onlyXml(request.getHeaderString(HttpHeaders.ACCEPT))) {
            return outcome(406, "Only FHIR JSON is served; accept application/fhir+json", List.of());
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, Fhir.JSON);
        return null;
    }

    private static boolean onlyXml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!XML_FORMATS.contains(type)) {
                return false;
            }
        }
        return true;
    }

    @ServerResponseFilter(priority = 10)
    public void toOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ApiPaths.isFhir(request.getUriInfo().getPath())) {
            return;
        }
        if (response.getStatus() >= 400 && !(response.getEntity() instanceof OperationOutcome)) {
            Object entity = response.getEntity();
            List<Problem.FieldError> errors = entity instanceof Problem p && p.errors() != null ? p.errors()
                    : List.of();
            String detail = entity instanceof Problem p ? detail(response.getStatus(), p.detail()) : null;
            response.setEntity(outcomeOf(response.getStatus(), detail, errors));
        }
        if (response.getEntity() != null) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Fhir.JSON + ";charset=UTF-8");
        }
    }

    /** The problem mapper speaks of the JSON API; on /fhir a few of its messages need other words. */
    private static String detail(int status, String detail) {
        return switch (status) {
            case 401 -> "Send a valid API key or access token as 'Authorization: Bearer <token>'";
            case 415 -> "Send the body as application/fhir+json";
            default -> detail;
        };
    }

    private static Response outcome(int status, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Fhir.JSON).entity(outcomeOf(status, detail, errors)).build();
    }

    public static OperationOutcome outcomeOf(int status, String detail, List<Problem.FieldError> errors) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = type(status);
        IssueSeverity severity = status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR;
        if (errors.isEmpty()) {
            outcome.addIssue().setSeverity(severity).setCode(type)
                    .setDiagnostics(detail == null ? defaultText(status) : detail);
        }
        for (Problem.FieldError error : errors) {
            outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(error.message())
                    .addExpression(error.field());
        }
        return outcome;
    }

    private static IssueType type(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409 -> IssueType.CONFLICT;
            case 412 -> IssueType.MULTIPLEMATCHES;
            case 413 -> IssueType.TOOCOSTLY;
            case 422 -> IssueType.PROCESSING;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }

    private static String defaultText(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "HTTP " + status : type.getReasonPhrase();
    }
}
