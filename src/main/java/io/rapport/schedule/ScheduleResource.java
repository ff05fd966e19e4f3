package io.rapport.schedule;

import jakarta.annotation.security.RolesAllowed;
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

@Path("/api/v1/schedule")
@Tag(name = "Schedule")
@RolesAllowed({ Roles.ADMIN, Roles.EHR })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final ScheduleService schedules;
    private final Caller caller;

    public ScheduleResource(ScheduleService schedules, Caller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The questionnaire schedule in force", description = """
            default is true until an admin saves a schedule; the default sends session-rating-4, in its latest
            released version, after every session.""")
    public ScheduleView get() {
        return schedules.get(caller.organizationId());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Audited(action = "update", objectType = "schedule")
    @Operation(summary = "Replace the questionnaire schedule", description = """
            Which questionnaires each new session's client is asked to fill. Example: the session rating every
            session, WAI-SR at sessions 1, 3, 7, 11, ... and CARE at sessions 3, 6, 9, ...:

                {"rules": [
                  {"questionnaireId": "session-rating-4", "every": 1},
                  {"questionnaireId": "wai-sr", "sessions": [1], "every": 4, "startingAt": 3},
                  {"questionnaireId": "care", "every": 3}]}

            A rule sends its questionnaire at a session number n when n is listed in sessions, or when every is
            set, n >= startingAt and (n - startingAt) is a multiple of every. startingAt defaults to every, so
            "every": 3 means sessions 3, 6, 9, ... and "every": 1 means every session. A rule needs sessions,
            every or both; session numbers, every and startingAt lie between 1 and 1000; startingAt needs
            every; a session number may be listed once. Each questionnaire may appear in one rule only, so a
            session gets it at most once. Assignments follow the order of the rules.

            version is optional: without it the latest released version is chosen now and stored, so a later
            release changes nothing until the schedule is saved again; the response shows the version chosen.
            A version that is not released (its scoring may still change) is refused unless the rule also says
            "allowUnreleased": true; unreleased versions are never chosen automatically.

            At least one rule is required. The whole schedule is checked before anything is saved; a 422 lists
            every problem, each named like rules[1].questionnaireId or rules[0].sessions[2]. Sessions created
            before the change keep their assignments. Admin role only.""")
    public ScheduleView put(@NotNull ScheduleRequest body) {
        return schedules.put(caller.organizationId(), body);
    }
}
