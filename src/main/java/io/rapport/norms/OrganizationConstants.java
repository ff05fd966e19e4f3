package io.rapport.norms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An organization's published constants and usable local norms, read once per trend computation. */
public final class OrganizationConstants {

    private final Map<String, PublishedConstants> published = new HashMap<>();
    private final Map<String, NormView> local = new HashMap<>();
    private final int minPairs;

    OrganizationConstants(List<PublishedConstants> published, List<LocalNorm> local, int minPairs) {
        this.minPairs = minPairs;
        published.forEach(c -> this.published.put(c.questionnaireId() + "@" + c.version(), c));
        local.forEach(n -> this.local.put(n.questionnaireId() + "@" + n.version() + "#" + n.scale(),
                NormView.of(n, minPairs)));
    }

    /** The organization's current published constants of the version, if it set any. */
    public Optional<PublishedConstants> published(String questionnaireId, String version) {
        return Optional.ofNullable(published.get(questionnaireId + "@" + version));
    }

    /** The local norms of one scale, used or not (see {@link NormView#inUse()}). */
    public Optional<NormView> local(String questionnaireId, String version, String scale) {
        return Optional.ofNullable(local.get(questionnaireId + "@" + version + "#" + scale));
    }

    public int minPairs() {
        return minPairs;
    }
}
