package io.rapport.care;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An EHR's own identifier: 1 to 128 URL-safe characters, so it can stand in a path unescaped. */
@NotBlank
@Size(max = ExternalId.MAX_LENGTH)
@Pattern(regexp = ExternalId.PATTERN, message = ExternalId.PATTERN_MESSAGE)
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ExternalId {

    int MAX_LENGTH = 128;
    /** URL-safe characters only, so an id can stand in a path unescaped. */
    String PATTERN = "[A-Za-z0-9._~:@|-]*";
    String PATTERN_MESSAGE = "may contain only letters, digits and . _ ~ : @ | -";

    String message() default "is not a valid external id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
