package io.rapport.common.web;

/**
 * The paths where machine callers authenticate with a bearer API key or JWT and get machine-readable errors: the
 * JSON API, the FHIR facade and the CDS Hooks services. Everything else is a page or a framework endpoint.
 */
public final class ApiPaths {

    public static final String FHIR = "/fhir";
    /** CDS Hooks services: not FHIR, but called by the same EHRs with the same credentials. */
    public static final String CDS = "/cds-services";

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/") || isFhir(path) || path.equals(CDS) || path.startsWith(CDS + "/");
    }

    public static boolean isFhir(String path) {
        return path.equals(FHIR) || path.startsWith(FHIR + "/");
    }
}
