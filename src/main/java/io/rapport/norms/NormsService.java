package io.rapport.norms;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rapport.common.error.ApiException;
import io.rapport.common.error.Problem.FieldError;
import io.rapport.questionnaire.QuestionnaireCatalog;
import io.rapport.questionnaire.QuestionnaireDefinition;

/** Reads local norms and reads and writes the constants an organization publishes. */
@ApplicationScoped
public class NormsService {

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final int MAX_CITATION = 2000;
    private static final int MAX_LINK = 2048;

    private final LocalNormRepository norms;
    private final PublishedConstantsRepository published;
    private final QuestionnaireCatalog catalog;
    private final NormsConfig config;

    public NormsService(LocalNormRepository norms, PublishedConstantsRepository published,
            QuestionnaireCatalog catalog, NormsConfig config) {
        this.norms = norms;
        this.published = published;
        this.catalog = catalog;
        this.config = config;
    }

    @Transactional
    public List<NormView> norms(UUID organizationId, String questionnaireId) {
        return norms.find(organizationId, blankToNull(questionnaireId)).stream()
                .map(n -> NormView.of(n, config.minPairs())).toList();
    }

    /** Pairs an instrument version needs before its local norms are used. */
    public int minPairs() {
        return config.minPairs();
    }

    /** What trends read: joins the caller's transaction. */
    @Transactional
    public OrganizationConstants constants(UUID organizationId) {
        return new OrganizationConstants(published.current(organizationId, null), norms.find(organizationId, null),
                config.minPairs());
    }

    @Transactional
    public List<PublishedConstants> current(UUID organizationId, String questionnaireId) {
        return published.current(organizationId, blankToNull(questionnaireId));
    }

    @Transactional
    public List<PublishedConstants> revisions(UUID organizationId, String questionnaireId, String version) {
        definition(questionnaireId, version);
        return published.revisions(organizationId, questionnaireId, version);
    }

    /** Sets the version's constants as a new revision; nothing is stored when any field is invalid. */
    @Transactional
    public PublishedConstants set(UUID organizationId, String questionnaireId, String version,
            PublishedConstantsRequest request, String principal) {
        QuestionnaireDefinition d = definition(questionnaireId, version);
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String citation = request.citation() == null ? null : request.citation().strip();
        if (citation == null || citation.isEmpty()) {
            errors.add(new FieldError("citation", "is required: the publication the constants come from"));
        } else if (citation.length() > MAX_CITATION) {
            errors.add(new FieldError("citation", "must be at most " + MAX_CITATION + " characters"));
        }
        String link = blankToNull(request.link());
        if (link != null && !isLink(link)) {
            errors.add(new FieldError("link", "must be a DOI (10.xxxx/...) or an http(s) URL of at most "
                    + MAX_LINK + " characters"));
        }
        Map<String, PublishedConstants.Scale> scales = new LinkedHashMap<>();
        if (request.scales() == null || request.scales().isEmpty()) {
            errors.add(new FieldError("scales", "must give at least one scale (total or a subscale)"));
        } else {
            request.scales().forEach((scale, c) -> {
                String field = "scales." + scale;
                if (!QuestionnaireDefinition.TOTAL.equals(scale) && !d.subscales().containsKey(scale)) {
                    errors.add(new FieldError(field, "is not a scale of " + d.key() + ": use total or one of "
                            + d.subscales().keySet()));
                    return;
                }
                if (c == null) {
                    errors.add(new FieldError(field, "needs referenceSd and reliability"));
                    return;
                }
                BigDecimal sd = c.referenceSd();
                BigDecimal r = c.reliability();
                boolean sdValid = sd != null && sd.signum() > 0;
                boolean reliabilityValid = r != null && r.signum() > 0 && r.compareTo(BigDecimal.ONE) < 0;
                if (!sdValid) {
                    errors.add(new FieldError(field + ".referenceSd", "must be a number greater than 0"));
                }
                if (!reliabilityValid) {
                    errors.add(new FieldError(field + ".reliability", "must be a number strictly between 0 and 1"));
                }
                if (sdValid && reliabilityValid) {
                    scales.put(scale, new PublishedConstants.Scale(sd.doubleValue(), r.doubleValue()));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "unprocessable", "Unprocessable Content",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        published.lock(organizationId, d.id(), d.version());
        published.add(organizationId, d.id(), d.version(), false, citation, link, principal, scales);
        return published.revisions(organizationId, d.id(), d.version()).get(0);
    }

    /** Withdraws the version's constants (a new revision; the old ones stay readable). */
    @Transactional
    public PublishedConstants withdraw(UUID organizationId, String questionnaireId, String version,
            String principal) {
        QuestionnaireDefinition d = definition(questionnaireId, version);
        published.lock(organizationId, d.id(), d.version());
        if (published.current(organizationId, d.id()).stream().noneMatch(c -> c.version().equals(d.version()))) {
            throw ApiException.notFound("Published constants of " + d.key());
        }
        published.add(organizationId, d.id(), d.version(), true, null, null, principal, Map.of());
        return published.revisions(organizationId, d.id(), d.version()).get(0);
    }

    private QuestionnaireDefinition definition(String questionnaireId, String version) {
        if (catalog.latest(questionnaireId).isEmpty()) {
            throw ApiException.unprocessable("questionnaireId", "no questionnaire '" + questionnaireId + "'");
        }
        return catalog.get(questionnaireId, version).orElseThrow(() -> ApiException.unprocessable("version",
                "no version '" + version + "' of " + questionnaireId));
    }

    private static boolean isLink(String link) {
        if (link.length() > MAX_LINK) {
            return false;
        }
        if (DOI.matcher(link).matches()) {
            return true;
        }
        try {
            URI uri = new URI(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
