package io.rapport.norms;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Constants from a publication for one instrument version. {@code citation} is required; {@code link} is an
 * optional DOI ({@code 10.xxxx/...}) or an http(s) URL. {@code scales} maps {@code total} or a subscale name to its
 * reference SD and reliability.
 */
public record PublishedConstantsRequest(String citation, String link, Map<String, ScaleRequest> scales) {

    /** A scale's reference SD (> 0) and reliability (strictly between 0 and 1). */
    public record ScaleRequest(BigDecimal referenceSd, BigDecimal reliability) {
    }
}
