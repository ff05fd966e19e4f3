package io.rapport.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rapport.audit.Audited;
import io.rapport.schedule.ScheduleChoice;
import io.rapport.schedule.ScheduleRequest;
import io.rapport.schedule.ScheduleRuleView;
import io.rapport.schedule.ScheduleService;
import io.rapport.schedule.ScheduleView;
import io.rapport.security.Caller;
import io.rapport.security.Roles;

/**
 * Admins choose here which questionnaires each session gets, with the same service and validation as
 * {@code PUT /api/v1/schedule}: one row per questionnaire of the catalog with a released version.
 */
@Path("/app/settings/schedule")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class SchedulePageResource {

    /** {@code rules[2].sessions[0]}: the rule's index and the field's name without its element. */
    private static final Pattern RULE_FIELD = Pattern.compile("rules\\[(\\d+)](?:\\.([A-Za-z]+))?.*");
    private static final Pattern SESSION_LIST = Pattern.compile("[\\s,;]+");

    private final ScheduleService schedules;
    private final Caller caller;

    public SchedulePageResource(ScheduleService schedules, Caller caller) {
        this.schedules = schedules;
        this.caller = caller;
    }

    /** One questionnaire's row as shown or as sent, so that a refused form comes back as it was. */
    public record Row(ScheduleChoice choice, boolean include, String version, String sessions, String every,
            String startingAt) {

        public String id() {
            return choice.questionnaireId();
        }

        public boolean selected(String v) {
            return v.equals(version);
        }

        /** The problem with this row's {@code field}, or null; the page's errors are keyed by id and field. */
        public String error(Map<String, String> errors, String field) {
            return errors.get(id() + "." + field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schedule(PageContext ctx, ScheduleView schedule, List<Row> rows,
                Map<String, String> errors, String notice);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show() {
        ScheduleView schedule = schedules.get(caller.organizationId());
        return Templates.schedule(PageContext.of(caller), schedule, rowsOf(schedule), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Audited(action = "update", objectType = "schedule")
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> fields) {
        PageContext.checkCsrf(caller, fields.getFirst("csrf"));
        ScheduleView saved = schedules.get(caller.organizationId());
        Map<String, ScheduleRuleView> savedRules = saved.rules().stream()
                .collect(Collectors.toMap(ScheduleRuleView::questionnaireId, r -> r));
        List<Row> rows = new ArrayList<>();
        for (ScheduleChoice choice : schedules.choices(caller.organizationId())) {
            String id = choice.questionnaireId();
            rows.add(new Row(choice, fields.containsKey("include-" + id), field(fields, "version-" + id),
                    field(fields, "sessions-" + id), field(fields, "every-" + id),
                    field(fields, "startingAt-" + id)));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<ScheduleRequest.Rule> rules = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        for (Row row : rows.stream().filter(Row::include).toList()) {
            // A version is sent unreleased only when it is the one already saved with allowUnreleased.
            ScheduleRuleView before = savedRules.get(row.id());
            boolean keepUnreleased = before != null && before.allowUnreleased() && before.version().equals(row.version());
            rules.add(new ScheduleRequest.Rule(row.id(), row.version().isEmpty() ? null : row.version(),
                    sessions(row, errors), number(row.id() + ".every", row.every(), errors),
                    number(row.id() + ".startingAt", row.startingAt(), errors), keepUnreleased ? Boolean.TRUE : null));
            ruleIds.add(row.id());
        }
        ScheduleRequest request = new ScheduleRequest(rules);
        schedules.problems(request).forEach(p -> errors.putIfAbsent(fieldOf(p.field(), ruleIds), p.message()));
        // A row whose own field is refused needs no second message about the row as a whole.
        errors.keySet().removeIf(k -> k.endsWith(".rule")
                && errors.keySet().stream().anyMatch(o -> !o.equals(k) && o.startsWith(k.substring(0, k.length() - 4))));
        if (!errors.isEmpty()) {
            // Checked here, not caught from the service: its refusal would roll back the audited transaction.
            return Response.status(422).entity(Templates.schedule(PageContext.of(caller), saved, rows, errors, null))
                    .build();
        }
        ScheduleView done = schedules.put(caller.organizationId(), request);
        return Response.ok(Templates.schedule(PageContext.of(caller), done, rowsOf(done), Map.of(),
                "Saved. Sessions created from now on get these questionnaires; earlier sessions keep theirs."))
                .build();
    }

    /** The rows of the schedule in force: its rules ticked, every other released questionnaire not. */
    private List<Row> rowsOf(ScheduleView schedule) {
        Map<String, ScheduleRuleView> rules = schedule.rules().stream()
                .collect(Collectors.toMap(ScheduleRuleView::questionnaireId, r -> r));
        return schedules.choices(caller.organizationId()).stream().map(c -> {
            ScheduleRuleView r = rules.get(c.questionnaireId());
            if (r == null) {
                return new Row(c, false, c.releasedVersions().isEmpty() ? "" : c.releasedVersions().get(0), "", "",
                        "");
            }
            return new Row(c, true, r.version(),
                    r.sessions().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    r.every() == null ? "" : r.every().toString(),
                    r.startingAt() == null ? "" : r.startingAt().toString());
        }).toList();
    }

    /** A problem's field, {@code rules[1].sessions[0]}, as the row's field it belongs to, {@code wai-sr.sessions}. */
    static String fieldOf(String problemField, List<String> ruleIds) {
        Matcher m = RULE_FIELD.matcher(problemField);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= ruleIds.size()) {
            return "rules";
        }
        String id = ruleIds.get(Integer.parseInt(m.group(1)));
        String name = m.group(2) == null ? "rule" : m.group(2);
        return id + "." + (name.equals("allowUnreleased") || name.equals("questionnaireId") ? "version" : name);
    }

    private static List<Integer> sessions(Row row, Map<String, String> errors) {
        List<Integer> numbers = new ArrayList<>();
        if (row.sessions().isBlank()) {
            return numbers;
        }
        for (String part : SESSION_LIST.split(row.sessions().strip())) {
            try {
                numbers.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                errors.putIfAbsent(row.id() + ".sessions", "must be session numbers separated by commas, such as 1, 3, 7");
            }
        }
        return numbers;
    }

    private static Integer number(String field, String value, Map<String, String> errors) {
        return FormFields.wholeNumber(field, value, "must be a whole number", errors);
    }

    private static String field(MultivaluedMap<String, String> fields, String name) {
        return FormFields.trim(fields.getFirst(name));
    }
}
