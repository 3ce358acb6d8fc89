package org.communityplaces.referrals.vocabulary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A code of one of the contract's vocabularies, checked with the rest of a request so that one
 * answer names every field to fix. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = CodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Code {

	/** The vocabulary, such as {@code need}. */
	String value();

	/**
	 * What to do, such as {@code Choose the person's age band}, said before the codes allowed;
	 * without it the answer says only which codes are allowed.
	 */
	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
