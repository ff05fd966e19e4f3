package io.rapport.care;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** The caller's own organization, for its admins; the operator creates organizations at /api/v1/organizations. */
@Path("/api/v1/organization")
@Tag(name = "Organizations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationSettingsResource {

    private final OrganizationSettingsService settings;
    private final Caller caller;

    public OrganizationSettingsResource(OrganizationSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Audited(objectType = "organization")
    @Operation(summary = "The organization's name, link lifetime, reminder delay and client languages")
    public OrganizationSettings get() {
        return settings.get(caller.organizationId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(action = "update", objectType = "organization")
    @Operation(summary = "Change the organization's settings (admin only)", description = """
            All fields but candourLine and clientChart are required. linkTtlHours: 1 to 2160 (90 days). reminderDelayHours: at
            least 1 and shorter than linkTtlHours. languages: at least one of en, es, de; clients get their stored
            language, else their browser's, among these, else English if offered, else the first offered. Lifetime
            and delay apply to forms issued from now on. candourLine: true shows clients a line inviting honest low
            ratings in the form (in their language); absent keeps the current choice. clientChart: true shows
            clients a chart of their own past totals after they answer, unless the pair turned it off (PUT
            /pairs/{pairId}/client-chart); absent keeps the current choice.""")
    public OrganizationSettings put(@NotNull @Valid OrganizationSettings body) {
        return settings.put(caller.organizationId(), body);
    }
}
