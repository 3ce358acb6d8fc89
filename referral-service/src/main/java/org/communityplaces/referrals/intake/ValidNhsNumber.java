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
@interface ValidNhsNumber {

	String message() default "not a valid NHS number: 10 digits whose last digit checks the others";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
