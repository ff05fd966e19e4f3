package io.rapport.security;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an API key or bearer token may do. An identity without the {@link #ATTRIBUTE} (web sessions, API keys issued
 * without scopes) may do whatever its role allows; one with it needs {@link #READ} for GET and {@link #WRITE} for
 * everything else, enforced by {@link ApiScopeFilter}.
 */
public final class Scopes {

    /**
     * Identity attribute holding a {@link Policy} that decides instead of {@link #ATTRIBUTE}: for credentials whose
     * scopes name resource types (SMART access tokens), which a plain read/write set cannot express.
     */
    public static final String POLICY = "rapport.scope-policy";

    /** Decides whether a scoped credential may make a request. */
    @FunctionalInterface
    public interface Policy {
        /** @param reads whether the request only reads (a GET, or a method marked {@link ReadScope}) */
        boolean allows(String path, boolean reads);
    }

    /** Identity attribute holding the granted scopes as a {@code Set<String>}. */
    public static final String ATTRIBUTE = "rapport.scopes";
    public static final String READ = "read";
    public static final String WRITE = "write";
    private static final Set<String> KNOWN = Set.of(READ, WRITE);

    private Scopes() {
    }

    /** The known scopes in a space-separated list (an OAuth2 {@code scope} claim); unknown ones are ignored. */
    public static Set<String> parse(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(KNOWN::contains)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The stored form: known scopes, sorted, space-separated. */
    public static String format(Set<String> scopes) {
        if (scopes.isEmpty() || !KNOWN.containsAll(scopes)) {
            throw new IllegalArgumentException("Scopes must be a non-empty subset of " + KNOWN);
        }
        return String.join(" ", new TreeSet<>(scopes));
    }
}
