package io.rapport.fhir;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator against base R4, offline: the structure definitions, value sets and code systems come
 * from {@code hapi-fhir-validation-resources-r4}; Questionnaires a response names can be added. Building it loads
 * them all, so there is one per test JVM.
 */
public final class FhirValidation {

    private static final FhirValidator VALIDATOR = create();

    private FhirValidation() {
    }

    private static FhirValidator create() {
        return create(new PrePopulatedValidationSupport(Fhir.context()));
    }

    /** A validator that resolves these Questionnaires by {@code url} and {@code url|version}. */
    public static FhirValidator withQuestionnaires(List<org.hl7.fhir.r4.model.Questionnaire> questionnaires) {
        java.util.Map<String, IBaseResource> byUrl = new java.util.HashMap<>();
        for (var q : questionnaires) {
            byUrl.put(q.getUrl() + "|" + q.getVersion(), q);
            byUrl.putIfAbsent(q.getUrl(), q);
        }
        ca.uhn.fhir.context.support.IValidationSupport known = new ca.uhn.fhir.context.support.IValidationSupport() {
            @Override
            public ca.uhn.fhir.context.FhirContext getFhirContext() {
                return Fhir.context();
            }

            @Override
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                IBaseResource found = url == null ? null : byUrl.get(url);
                return found != null && (type == null || type.isInstance(found)) ? (T) found : null;
            }
        };
        var context = Fhir.context();
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(known,
                new DefaultProfileValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context))));
        return validator;
    }

    /**
     * A validator that also knows {@code known} (the catalog's Questionnaires, say), so a QuestionnaireResponse is
     * checked against its Questionnaire: linkIds, answer types and options.
     */
    static FhirValidator create(PrePopulatedValidationSupport known) {
        var context = Fhir.context();
        var support = new ValidationSupportChain(known, new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }

    /** The errors (and fatal errors) the validator finds, each with its location; empty when valid. */
    public static List<String> errors(IBaseResource resource) {
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                            || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(FhirValidation::describe).toList();
        }
    }

    /** The errors {@code validator} finds. */
    public static List<String> errors(FhirValidator validator, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe).toList();
    }

    /** Every message, warnings included. */
    public static List<String> all(FhirValidator validator, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream().map(FhirValidation::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
