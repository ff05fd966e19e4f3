package io.rapport.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Resource types and paths the facade does not serve get an OperationOutcome 404, not the router's plain text. */
@Path("/fhir/{rest: .*}")
@PermitAll
public class UnknownFhirPathResource {

    @GET
    @Operation(hidden = true)
    public void get(@PathParam("rest") String rest) {
        throw notServed(rest);
    }

    @POST
    @Operation(hidden = true)
    public void post(@PathParam("rest") String rest) {
        throw notServed(rest);
    }

    @PUT
    @Operation(hidden = true)
    public void put(@PathParam("rest") String rest) {
        throw notServed(rest);
    }

    @PATCH
    @Operation(hidden = true)
    public void patch(@PathParam("rest") String rest) {
        throw notServed(rest);
    }

    @DELETE
    @Operation(hidden = true)
    public void delete(@PathParam("rest") String rest) {
        throw notServed(rest);
    }

    private static FhirException notServed(String rest) {
        return FhirException.unknownPath(rest);
    }
}
