package io.rapport.cds;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A CDS Hooks card: {@code summary} under 140 characters, {@code indicator} info, warning or critical. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(String uuid, String summary, String detail, String indicator, Source source, List<Link> links) {

    /** Who the card comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String label, String url) {
    }

    /** {@code type} absolute: a web page the EHR opens. */
    public record Link(String label, String url, String type) {
    }

    /** The response of a service call; an empty list when there is nothing to say. */
    public record Cards(List<Card> cards) {
    }
}
