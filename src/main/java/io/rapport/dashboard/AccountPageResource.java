package io.rapport.dashboard;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.account.AccountRequest;
import io.rapport.account.AccountService;
import io.rapport.account.AccountView;
import io.rapport.common.error.ApiException;
import io.rapport.common.web.Ids;
import io.rapport.common.web.Page;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/** Organization admins create and deactivate sign-in accounts here; the same rules as the API apply. */
@Path("/app/accounts")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountPageResource {

    private final AccountService accounts;
    private final Caller caller;
    private final Validator validator;

    public AccountPageResource(AccountService accounts, Caller caller, Validator validator) {
        this.accounts = accounts;
        this.caller = caller;
        this.validator = validator;
    }

    /** The form as submitted, so that a refused form comes back filled in (except the password). */
    public record Form(String username, String role, String therapistId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(PageContext ctx, List<AccountView> accounts, Form form,
                List<String> errors, String notice);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return render(new Form("", "therapist", ""), List.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("csrf") String csrf, @FormParam("username") String username,
            @FormParam("password") String password, @FormParam("role") String role,
            @FormParam("therapistId") String therapistId) {
        PageContext.checkCsrf(caller, csrf);
        Form form = new Form(orEmpty(username), orEmpty(role), orEmpty(therapistId));
        AccountRequest request = new AccountRequest(username, password, role,
                therapistId == null || therapistId.isBlank() ? null : therapistId.strip());
        List<String> errors = validator.validate(request).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted(Comparator.naturalOrder()).toList();
        if (errors.isEmpty()) {
            try {
                accounts.create(caller.organizationId(), request);
                return Response.seeOther(URI.create("/app/accounts")).build();
            } catch (ApiException e) {
                errors = e.errors().stream().map(f -> f.field() + " " + f.message()).toList();
            }
        }
        return Response.status(422).entity(render(form, errors, null)).build();
    }

    @POST
    @Path("/{accountId}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response deactivate(@PathParam("accountId") String accountId, @FormParam("csrf") String csrf) {
        PageContext.checkCsrf(caller, csrf);
        Optional<UUID> id = Ids.tryParse(accountId);
        try {
            AccountView done = accounts.deactivate(caller.organizationId(),
                    id.orElseThrow(() -> ApiException.notFound("Account")));
            return Response.ok(render(new Form("", "therapist", ""), List.of(),
                    "Deactivated " + done.username() + "; their sessions have ended.")).build();
        } catch (ApiException e) {
            return Response.status(404).entity(render(new Form("", "therapist", ""),
                    List.of("That account was not found."), null)).build();
        }
    }

    private TemplateInstance render(Form form, List<String> errors, String notice) {
        List<AccountView> all = accounts.list(caller.organizationId(), new Page.Request(0, Page.MAX_SIZE)).items();
        return Templates.accounts(PageContext.of(caller), all, form, errors, notice);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

}
