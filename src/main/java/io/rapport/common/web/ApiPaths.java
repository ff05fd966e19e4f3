package io.rapport.common.web;

/**
 * The paths where machine callers authenticate with a bearer API key or JWT and get machine-readable errors: the
 * JSON API and the FHIR facade. Everything else is a page or a framework endpoint.
 */
public final class ApiPaths {

    public static final String FHIR = "/fhir";

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || isFhir(path);
    }

    public static boolean isFhir(String path) {
        return path.equals(FHIR) || path.startsWith(FHIR + "/");
    }
}
