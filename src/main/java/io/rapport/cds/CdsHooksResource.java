package io.rapport.cds;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.security.Caller;
import io.rapport.security.ReadScope;
import io.rapport.security.Roles;

/** CDS Hooks 2.0: discovery and the {@code patient-view} service. Errors are problem details, as on /api/v1. */
@Path("/cds-services")
@Tag(name = "CDS Hooks")
@Produces(MediaType.APPLICATION_JSON)
public class CdsHooksResource {

    private final AllianceCards cards;
    private final Caller caller;

    public CdsHooksResource(AllianceCards cards, Caller caller) {
        this.cards = cards;
        this.caller = caller;
    }

    /** Public like /fhir/metadata: it names services, never data. */
    @GET
    @PermitAll
    @Operation(summary = "CDS Hooks discovery: the services and their hooks")
    public CdsService.Services discovery() {
        return new CdsService.Services(List.of(AllianceCards.describe()));
    }

    /** Audited by the service, which knows the pair only once it has read the context. */
    @POST
    @Path("/{id}")
    @ReadScope
    @RolesAllowed({ Roles.ADMIN, Roles.EHR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "CDS Hooks call (patient-view): cards for the pair of context.patientId and context.userId (Rapport ids); {\"cards\":[]} when there is nothing to say")
    public Card.Cards call(@PathParam("id") String id, HookRequest request) {
        return cards.call(caller.organizationId(), caller.principal(), id, request);
    }
}
