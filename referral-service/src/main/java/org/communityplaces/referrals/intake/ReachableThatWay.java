package org.communityplaces.referrals.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The person can be reached the way they want to hear: see {@link ReachableThatWayValidator}.
 */
@Documented
@Constraint(validatedBy = ReachableThatWayValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ReachableThatWay {

	String message() default "cannot be reached that way";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
