package org.communityplaces.referrals.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The contact value is one the place can use for the contact method: see {@link ContactValue}. */
@Documented
@Constraint(validatedBy = FitsItsMethodValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface FitsItsMethod {

	String message() default "does not fit the contact method";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
