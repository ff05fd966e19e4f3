package io.rapport.fhir;

import java.util.Collection;
import java.util.List;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;

/** Program tags as {@code meta.tag} codings of one system, the code being the tag. */
public final class ProgramTags {

    public static final String SYSTEM = Fhir.SYSTEM_BASE + "program";

    private ProgramTags() {
    }

    /** Adds the tags, sorted, to {@code meta.tag}. */
    public static void write(Meta meta, Collection<String> tags) {
        tags.stream().distinct().sorted().forEach(t -> meta.addTag(new Coding(SYSTEM, t, null)));
    }

    /**
     * The codes of the program codings in {@code meta.tag}, as given (a coding without a code is a null, for the
     * validation to refuse); null when there is none, as other systems' tags are none of Rapport's business.
     */
    public static List<String> read(Meta meta) {
        List<String> tags = meta.getTag().stream().filter(c -> SYSTEM.equals(c.getSystem())).map(Coding::getCode)
                .toList();
        return tags.isEmpty() ? null : tags;
    }
}
