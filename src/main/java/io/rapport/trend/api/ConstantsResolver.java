package io.rapport.trend.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.rapport.norms.NormView;
import io.rapport.norms.OrganizationConstants;
import io.rapport.norms.PublishedConstants;
import io.rapport.questionnaire.QuestionnaireDefinition;
import io.rapport.trend.InstrumentConstants;
import io.rapport.trend.ScoreConstants;

/**
 * Chooses the constants of each scale. Reference SD and reliability: the organization's published constants, then
 * the questionnaire file's, then the local norms once they are in use, then none. The session-to-session SD exists
 * only in local norms; it is used whenever they are in use, whatever the source of the SEM.
 */
final class ConstantsResolver {

    /** The engine's constants and, per scale, what they are and where they come from. */
    record Resolved(InstrumentConstants instrument, List<ConstantsUsed> used) {

        ConstantsUsed total() {
            return used.stream().filter(u -> QuestionnaireDefinition.TOTAL.equals(u.scale())).findFirst()
                    .orElseThrow();
        }
    }

    private ConstantsResolver() {
    }

    static Resolved resolve(QuestionnaireDefinition d, OrganizationConstants org) {
        InstrumentConstants file = InstrumentConstantsMapper.of(d);
        Optional<PublishedConstants> published = org.published(d.id(), d.version());
        List<ConstantsUsed> used = new ArrayList<>();
        ScoreConstants total = scale(d, QuestionnaireDefinition.TOTAL, file.total(), published, org, used);
        Map<String, ScoreConstants> subscales = new HashMap<>();
        file.subscales().forEach((name, c) -> subscales.put(name, scale(d, name, c, published, org, used)));
        return new Resolved(new InstrumentConstants(d.id(), file.concernWhen(), total, subscales), List.copyOf(used));
    }

    private static ScoreConstants scale(QuestionnaireDefinition d, String scale, ScoreConstants file,
            Optional<PublishedConstants> published, OrganizationConstants org, List<ConstantsUsed> used) {
        Optional<PublishedConstants.Scale> own = published.map(p -> p.scales().get(scale));
        Optional<NormView> local = org.local(d.id(), d.version(), scale);
        boolean localInUse = local.map(NormView::inUse).orElse(false);
        Double sd;
        Double reliability;
        String source;
        String detail;
        if (own.isPresent()) {
            PublishedConstants p = published.get();
            sd = own.get().referenceSd();
            reliability = own.get().reliability();
            source = "organization";
            detail = "set by " + p.setBy() + " (revision " + p.revision() + ", " + p.setAt() + "): " + p.citation()
                    + (p.link() == null ? "" : " " + p.link());
        } else if (file.referenceSd() != null) {
            sd = file.referenceSd();
            reliability = file.reliability();
            source = "questionnaire-file";
            detail = d.reliableChange().stream().filter(r -> scale.equals(r.scale())).findFirst()
                    .map(r -> d.key() + ": " + r.source()).orElse(d.key());
        } else if (localInUse) {
            sd = local.get().norm().sd();
            reliability = local.get().norm().reliability();
            source = "local-norms";
            detail = localDetail(local.get());
        } else {
            sd = null;
            reliability = null;
            source = null;
            detail = null;
        }
        Double withinSd = localInUse ? local.get().norm().noiseSd() : null;
        ScoreConstants constants = new ScoreConstants(sd, reliability, file.cutoff(), file.step(), withinSd);
        String status = constants.errorSd() != null ? "drop rules on"
                : "drop rules off: no published constants for " + d.key() + " and "
                        + local.map(NormView::status).orElse("no local norms computed yet");
        used.add(new ConstantsUsed(scale, source, detail, sd, reliability, constants.standardError(), withinSd,
                localInUse ? localDetail(local.get()) : null, constants.errorSd(), constants.errorSdBasis(),
                status));
        return constants;
    }

    private static String localDetail(NormView n) {
        var norm = n.norm();
        String alpha = norm.alpha() == null ? "alpha not computable"
                : String.format(Locale.ROOT, "alpha %.2f, 95%% CI %.2f–%.2f, from %d responses", norm.alpha(),
                        norm.alphaLower95(), norm.alphaUpper95(), norm.alphaResponses());
        return String.format(Locale.ROOT, "local norms of %s@%s computed %s from %d pairs and %d responses (%s)",
                norm.questionnaireId(), norm.version(), norm.computedAt(), norm.pairs(), norm.responses(), alpha);
    }
}
