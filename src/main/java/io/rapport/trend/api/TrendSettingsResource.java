package io.rapport.trend.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.audit.Audited;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

@Path("/api/v1/trend-settings")
@Tag(name = "Trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendSettingsResource {

    private final TrendSettingsService settings;
    private final Caller caller;

    public TrendSettingsResource(TrendSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.EHR })
    @Operation(summary = "The organization's thresholds for trend events")
    public ThresholdsView get() {
        return settings.get(caller.organizationId());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "update", objectType = "trend-settings")
    @Operation(summary = "Set the organization's thresholds for trend events", description = """
            rciZ: z of the reliable change index (default 1.96); personalDropMinEarlier: earlier scores needed (3);
            personalDropSdMultiplier: SDs below the earlier mean (2); repairWindow: sessions to look for a repair in
            (3); noResponseExpiries: consecutive expired links for no-response (2).""")
    public ThresholdsView put(@NotNull @Valid ThresholdsView body) {
        return settings.put(caller.organizationId(), body);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "erase", objectType = "trend-settings")
    @Operation(summary = "Return to the default thresholds")
    public ThresholdsView reset() {
        return settings.reset(caller.organizationId());
    }
}
