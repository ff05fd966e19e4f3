package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.audit.Audited;
import io.rapport.care.OrganizationSettings;
import io.rapport.care.OrganizationSettingsService;
import io.rapport.delivery.FormTexts;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * Admins change the organization's name, link lifetime, reminder delay, client languages, candour line and client chart here,
 * with the same
 * validation as {@code PUT /api/v1/organization}. Saving the same form twice stores the same values: nothing to
 * guard against.
 */
@Path("/app/settings")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class OrganizationSettingsPageResource {

    /** Each language the form is translated into, named in itself for the checkboxes. */
    static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "es", "Español", "de", "Deutsch");

    private final OrganizationSettingsService settings;
    private final Caller caller;
    private final Validator validator;

    public OrganizationSettingsPageResource(OrganizationSettingsService settings, Caller caller,
            Validator validator) {
        this.settings = settings;
        this.caller = caller;
        this.validator = validator;
    }

    /** The fields as typed, so that a refused form comes back as it was sent. */
    public record Form(String name, String linkTtlHours, String reminderDelayHours, List<Language> languages,
            boolean candourLine, boolean clientChart) {

        static Form of(OrganizationSettings s) {
            return new Form(s.name(), String.valueOf(s.linkTtlHours()), String.valueOf(s.reminderDelayHours()),
                    languages(s.languages()), Boolean.TRUE.equals(s.candourLine()),
                    Boolean.TRUE.equals(s.clientChart()));
        }

        static List<Language> languages(List<String> chosen) {
            return FormTexts.LANGUAGES.stream()
                    .map(code -> new Language(code, LANGUAGE_NAMES.getOrDefault(code, code), chosen.contains(code)))
                    .toList();
        }
    }

    /** A checkbox of the languages fieldset. */
    public record Language(String code, String name, boolean checked) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(PageContext ctx, Form form, Map<String, String> errors,
                String notice);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        return Templates.settings(PageContext.of(caller), Form.of(settings.get(caller.organizationId())), Map.of(),
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "organization")
    @Operation(hidden = true)
    public Response save(@FormParam("csrf") String csrf, @FormParam("name") String name,
            @FormParam("linkTtlHours") String linkTtlHours, @FormParam("reminderDelayHours") String reminderDelayHours,
            @FormParam("languages") List<String> languages, @FormParam("candourLine") String candourLine,
            @FormParam("clientChart") String clientChart) {
        PageContext.checkCsrf(caller, csrf);
        List<String> chosen = languages == null ? List.of() : new ArrayList<>(languages);
        // An unticked checkbox sends nothing: on this page, absent means off.
        Form form = new Form(name == null ? "" : name, FormFields.trim(linkTtlHours), FormFields.trim(reminderDelayHours),
                Form.languages(chosen), candourLine != null, clientChart != null);
        Map<String, String> errors = new LinkedHashMap<>();
        OrganizationSettings request = new OrganizationSettings(form.name(),
                hours("linkTtlHours", form.linkTtlHours(), errors),
                hours("reminderDelayHours", form.reminderDelayHours(), errors), chosen, form.candourLine(),
                form.clientChart());
        validator.validate(request).forEach(v -> errors.putIfAbsent(field(v.getPropertyPath().toString()),
                v.getMessage()));
        OrganizationSettingsService.problems(request).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            // Checked here, not caught from the service: its refusal would roll back the audited transaction.
            return Response.status(422).entity(Templates.settings(PageContext.of(caller), form, errors, null))
                    .build();
        }
        OrganizationSettings saved = settings.put(caller.organizationId(), request);
        return Response.ok(Templates.settings(PageContext.of(caller), Form.of(saved), Map.of(),
                "Saved. Link lifetime and reminder delay apply to questionnaires sent from now on.")).build();
    }

    /** Element errors of the language list name the list. */
    private static String field(String path) {
        return path.startsWith("languages") ? "languages" : path;
    }

    private static Integer hours(String field, String value, Map<String, String> errors) {
        return FormFields.wholeNumber(field, value, "must be a whole number of hours", errors);
    }
}
