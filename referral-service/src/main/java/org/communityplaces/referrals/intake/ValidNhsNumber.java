package org.communityplaces.referrals.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Empty, or an {@link NhsNumber} as people write it. */
@Documented
@Constraint(validatedBy = ValidNhsNumberValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNhsNumber {

	/** What the referrer reads, for a number that is not one and for one too long to be. */
	String INVALID = "Enter a valid NHS number: it is 10 digits, such as 943 476 5919";

	String message() default INVALID;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
