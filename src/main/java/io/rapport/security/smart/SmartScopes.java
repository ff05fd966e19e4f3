package io.rapport.security.smart;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.ResourceType;

import io.rapport.common.web.ApiPaths;
import io.rapport.security.Scopes;

/**
 * SMART v1 system scopes, {@code system/<Type or *>.<read, write or *>}, and how they map onto requests: a read (GET,
 * or a POST marked {@code ReadScope}) of {@code /fhir/<Type>...} needs {@code system/<Type>.read} or
 * {@code system/*.read}, anything else the {@code write} counterpart. Paths naming no resource type (the
 * CapabilityStatement, CDS services) need the wildcard type.
 */
public final class SmartScopes {

    public static final String CDS_SERVICES = "/cds-services";
    private static final Pattern SCOPE = Pattern.compile("system/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*)");
    private static final Pattern FHIR_TYPE = Pattern.compile("/fhir/([A-Z][A-Za-z]*)(?:/.*)?");
    private static final int MAX_SCOPES = 100;

    private SmartScopes() {
    }

    /** A parsed scope. */
    record Scope(String type, String access) {

        boolean covers(Scope other) {
            return (type.equals("*") || type.equals(other.type)) && (access.equals("*") || access.equals(other.access));
        }

        @Override
        public String toString() {
            return "system/" + type + "." + access;
        }
    }

    /** Where SMART access tokens are accepted: the FHIR facade and the CDS services, every path under them. */
    public static boolean acceptsAccessTokens(String path) {
        return ApiPaths.isFhir(path) || path.equals(CDS_SERVICES) || path.startsWith(CDS_SERVICES + "/");
    }

    /** What is wrong with a scope, if anything: its syntax, or a resource type R4 does not have. */
    static Optional<String> problem(String scope) {
        Matcher m = SCOPE.matcher(scope == null ? "" : scope);
        if (!m.matches()) {
            return Optional.of("must be system/<ResourceType or *>.<read, write or *>");
        }
        if (!m.group(1).equals("*")) {
            try {
                ResourceType.fromCode(m.group(1));
            } catch (Exception e) {
                return Optional.of("names no FHIR R4 resource type");
            }
        }
        return Optional.empty();
    }

    static Scope parse(String scope) {
        Matcher m = SCOPE.matcher(scope);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SMART system scope");
        }
        return new Scope(m.group(1), m.group(2));
    }

    /** The stored form: sorted, space-separated. */
    static String format(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    static List<Scope> parseStored(String stored) {
        return Arrays.stream(stored.trim().split(" ")).filter(s -> !s.isEmpty()).map(SmartScopes::parse).toList();
    }

    /**
     * The requested scopes, each covered by a registered one (so the intersection of both, in SMART's sense).
     *
     * @return empty when a requested scope is malformed or not covered
     */
    static Optional<Set<String>> grant(String requested, String registered) {
        List<Scope> allowed = parseStored(registered);
        Set<String> granted = new LinkedHashSet<>();
        String[] asked = requested.trim().split("\\s+");
        if (asked.length > MAX_SCOPES) {
            return Optional.empty();
        }
        for (String s : asked) {
            if (problem(s).isPresent()) {
                return Optional.empty();
            }
            Scope scope = parse(s);
            if (allowed.stream().noneMatch(a -> a.covers(scope))) {
                return Optional.empty();
            }
            granted.add(scope.toString());
        }
        return Optional.of(granted);
    }

    /** The {@link Scopes.Policy} of a token with these stored scopes. */
    static Scopes.Policy policy(String stored) {
        List<Scope> granted = parseStored(stored);
        return (path, reads) -> {
            Matcher m = FHIR_TYPE.matcher(path);
            Scope needed = new Scope(m.matches() ? m.group(1) : "*", reads ? "read" : "write");
            return granted.stream().anyMatch(g -> g.covers(needed));
        };
    }
}
