package org.communityplaces.places.place;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * Text of one line as the catalogue stores it: no control characters (NUL,
 * escape, bell and the like), which are invisible on a page yet change what a name is equal to.
 */
@Documented
@Pattern(regexp = "\\P{Cc}*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface PlainText {

	String MESSAGE = "must not contain control characters";

	String message() default MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Plain text that may run over lines: tabs and line breaks are allowed, other control characters not. */
	@Documented
	@Pattern(regexp = "[\\P{Cc}\\t\\n\\r]*")
	@ReportAsSingleViolation
	@Constraint(validatedBy = {})
	@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
	@Retention(RetentionPolicy.RUNTIME)
	@interface Lines {

		String message() default MESSAGE;

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

}
