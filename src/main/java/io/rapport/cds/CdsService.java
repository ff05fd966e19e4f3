package io.rapport.cds;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A service as discovery lists it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdsService(String id, String hook, String title, String description) {

    /** The discovery response. */
    public record Services(java.util.List<CdsService> services) {
    }
}
