package org.communityplaces.referrals.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Empty, or a {@link PostcodeDistrict} or full postcode as people write it. */
@Documented
@Constraint(validatedBy = ValidPostcodeDistrictValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPostcodeDistrict {

	String message() default "Enter a postcode district such as S6, or a full postcode such as S6 2AA";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
