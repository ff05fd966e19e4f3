package io.rapport.fhir.task;

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
import io.rapport.fhir.Fhir;

/**
 * HAPI's instance validator against base R4, offline. The same as main's {@code io.rapport.fhir.FhirValidation},
 * which this branch does not have yet; replace it by that one on merge.
 */
public final class R4Validation {

    private static final FhirValidator VALIDATOR = create();

    private R4Validation() {
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
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource).getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                            || m.getSeverity() == ResultSeverityEnum.FATAL)
                    .map(R4Validation::describe).toList();
        }
    }

    /** Every message, warnings included, to see what the validator thinks. */
    public static List<String> all(IBaseResource resource) {
        synchronized (VALIDATOR) {
            return VALIDATOR.validateWithResult(resource).getMessages().stream().map(R4Validation::describe)
                    .toList();
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
