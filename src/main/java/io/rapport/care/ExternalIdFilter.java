package io.rapport.care;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An optional filter by an EHR id: absent, or a valid {@link ExternalId}. */
@Size(min = 1, max = ExternalId.MAX_LENGTH)
@Pattern(regexp = ExternalId.PATTERN, message = ExternalId.PATTERN_MESSAGE)
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ExternalIdFilter {

    String message() default "is not a valid external id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
