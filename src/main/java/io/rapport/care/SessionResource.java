package io.rapport.care;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/sessions")
@Tag(name = "Sessions")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String REPLAYED = "Idempotent-Replayed";

    private final SessionService sessions;
    private final Caller caller;

    public SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Audited(action = "create", objectType = "pair")
    @Operation(summary = "Record a therapy session and create its questionnaire assignments", description = """
            Unknown client and therapist ids are created. A retry with the same Idempotency-Key and body, or with the
            same encounterId, returns the first result (header Idempotent-Replayed: true) and creates nothing.
            formUrl appears only in the response that created an assignment: link tokens are stored as hashes.
            With clientIds (a couple or family seen together) each client gets their own session and pair, and the
            answer is {"groupId", "sessions": [...]}.""")
    public Response create(
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 255) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces") String idempotencyKey,
            @NotNull @Valid SessionRequest body) {
        var result = sessions.create(caller.organizationId(), body, idempotencyKey);
        return Response.created(URI.create("/api/v1/pairs/" + result.pairId()))
                .header(REPLAYED, result.replayed())
                .entity(result.body())
                .build();
    }
}
