package io.rapport.delivery;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1/forms/{token}/responses")
@Tag(name = "Responses")
@Produces(MediaType.APPLICATION_JSON)
public class FormSubmissionResource {

    private final ResponseService responses;
    private final HttpServerRequest http;

    public FormSubmissionResource(ResponseService responses, HttpServerRequest http) {
        this.responses = responses;
        this.http = http;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit answers with a form link's token (the token is the credential)", description = "201 with the score; 409 when already submitted, also for an identical retry (the first"
            + " answers are kept); 410 when the link expired; 404 for an unknown token; 422 lists every"
            + " invalid answer as answers.<itemId>.")
    public Response submit(@PathParam("token") String token, @Valid @NotNull SubmissionRequest request) {
        return Response.status(201).entity(responses.submit(token, request, ClientAddress.of(http))).build();
    }
}
