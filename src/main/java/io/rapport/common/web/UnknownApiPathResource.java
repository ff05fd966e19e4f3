package io.rapport.common.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.rapport.common.error.ApiException;

/** Unknown paths under /api get problem details too, instead of the HTTP layer's plain-text 404. */
@Path("/api/{rest: .*}")
@PermitAll
public class UnknownApiPathResource {

    @GET
    @Operation(hidden = true)
    public void get() {
        throw ApiException.notFound("This API path");
    }

    @POST
    @Operation(hidden = true)
    public void post() {
        throw ApiException.notFound("This API path");
    }

    @PUT
    @Operation(hidden = true)
    public void put() {
        throw ApiException.notFound("This API path");
    }

    @PATCH
    @Operation(hidden = true)
    public void patch() {
        throw ApiException.notFound("This API path");
    }

    @DELETE
    @Operation(hidden = true)
    public void delete() {
        throw ApiException.notFound("This API path");
    }
}
