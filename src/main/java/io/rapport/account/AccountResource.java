package io.rapport.account;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/accounts")
@Tag(name = "Accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final Caller caller;

    public AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a sign-in account for a therapist or an admin of the organization")
    public Response create(@NotNull @Valid AccountRequest body) {
        AccountView view = accounts.create(caller.organizationId(), body);
        return Response.created(URI.create("/api/v1/accounts/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "The organization's accounts, oldest first")
    public Page<AccountView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return accounts.list(caller.organizationId(), Page.Request.of(page, size));
    }

    @POST
    @Path("/{accountId}/deactivate")
    @Operation(summary = "Deactivate an account; its web sessions end at once")
    public AccountView deactivate(@PathParam("accountId") String accountId) {
        return accounts.deactivate(caller.organizationId(), Ids.parse(accountId, "Account"));
    }
}
