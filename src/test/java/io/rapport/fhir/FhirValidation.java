package io.rapport.fhir;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator against base R4, offline: the structure definitions, value sets and code systems come
 * from {@code hapi-fhir-validation-resources-r4}. Building it loads them all, so there is one per test JVM.
 */
public final class FhirValidation {

    private static final FhirValidator VALIDATOR = create();

    private FhirValidation() {
    }

    private static FhirValidator create() {
        var context = Fhir.context();
        var support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }

    /** The errors (and fatal errors) the validator finds, each with its location; empty when valid. */
    public static List<String> errors(IBaseResource resource) {
        // The validator is not documented as thread-safe; tests are not run in parallel, but be sure.
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                            || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(FhirValidation::describe).toList();
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
