package io.rapport.dashboard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.rapport.trend.api.ThresholdsView;
import io.rapport.trend.api.TrendSettingsService;

/** Admins edit the organization's trend thresholds here, with the same bean validation as the API. */
@Path("/app/settings/trends")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class TrendSettingsPageResource {

    private final TrendSettingsService settings;
    private final Caller caller;
    private final Validator validator;

    public TrendSettingsPageResource(TrendSettingsService settings, Caller caller, Validator validator) {
        this.settings = settings;
        this.caller = caller;
        this.validator = validator;
    }

    /** The fields as typed, so that a refused form comes back as it was sent. */
    public record Form(String rciZ, String personalDropMinEarlier, String personalDropSdMultiplier,
            String repairWindow, String noResponseExpiries, String reliableDropZ, boolean custom) {

        static Form of(ThresholdsView v) {
            return new Form(v.rciZ().toPlainString(), String.valueOf(v.personalDropMinEarlier()),
                    v.personalDropSdMultiplier().toPlainString(), String.valueOf(v.repairWindow()),
                    String.valueOf(v.noResponseExpiries()),
                    v.reliableDropZ() == null ? "" : v.reliableDropZ().toPlainString(), Boolean.TRUE.equals(v.custom()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trends(PageContext ctx, Form form, Map<String, String> errors, String notice);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        return Templates.trends(PageContext.of(caller), Form.of(settings.get(caller.organizationId())), Map.of(),
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "trend-settings")
    @Operation(hidden = true)
    public Response save(@FormParam("csrf") String csrf, @FormParam("rciZ") String rciZ,
            @FormParam("personalDropMinEarlier") String personalDropMinEarlier,
            @FormParam("personalDropSdMultiplier") String personalDropSdMultiplier,
            @FormParam("repairWindow") String repairWindow, @FormParam("noResponseExpiries") String noResponseExpiries,
            @FormParam("reliableDropZ") String reliableDropZ) {
        PageContext.checkCsrf(caller, csrf);
        Form form = new Form(FormFields.trim(rciZ), FormFields.trim(personalDropMinEarlier),
                FormFields.trim(personalDropSdMultiplier), FormFields.trim(repairWindow),
                FormFields.trim(noResponseExpiries), FormFields.trim(reliableDropZ), false);
        Map<String, String> errors = new LinkedHashMap<>();
        ThresholdsView request = new ThresholdsView(decimal("rciZ", form.rciZ(), errors),
                integer("personalDropMinEarlier", form.personalDropMinEarlier(), errors),
                decimal("personalDropSdMultiplier", form.personalDropSdMultiplier(), errors),
                integer("repairWindow", form.repairWindow(), errors),
                integer("noResponseExpiries", form.noResponseExpiries(), errors),
                form.reliableDropZ().isEmpty() ? null : decimal("reliableDropZ", form.reliableDropZ(), errors), null);
        validator.validate(request).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (!errors.isEmpty()) {
            return Response.status(422).entity(Templates.trends(PageContext.of(caller), form, errors, null)).build();
        }
        ThresholdsView saved = settings.put(caller.organizationId(), request);
        return Response.ok(Templates.trends(PageContext.of(caller), Form.of(saved), Map.of(),
                "Saved. Trends computed from now on use these thresholds; alerts already raised stay as they are."))
                .build();
    }

    @POST
    @Path("/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "erase", objectType = "trend-settings")
    @Operation(hidden = true)
    public Response reset(@FormParam("csrf") String csrf) {
        PageContext.checkCsrf(caller, csrf);
        ThresholdsView defaults = settings.reset(caller.organizationId());
        return Response.ok(Templates.trends(PageContext.of(caller), Form.of(defaults), Map.of(),
                "Back to the defaults.")).build();
    }

    private static BigDecimal decimal(String field, String value, Map<String, String> errors) {
        return FormFields.decimal(field, value, "must be a number such as 1.96", errors);
    }

    private static Integer integer(String field, String value, Map<String, String> errors) {
        return FormFields.wholeNumber(field, value, "must be a whole number", errors);
    }
}
