package org.communityplaces.referrals.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class ValidNhsNumberValidator implements ConstraintValidator<ValidNhsNumber, String> {

	@Override
	public boolean isValid(String written, ConstraintValidatorContext context) {
		return written == null || written.isBlank() || NhsNumber.parse(written).isPresent();
	}

}
