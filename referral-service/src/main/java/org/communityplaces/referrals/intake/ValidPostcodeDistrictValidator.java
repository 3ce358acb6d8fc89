package org.communityplaces.referrals.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class ValidPostcodeDistrictValidator implements ConstraintValidator<ValidPostcodeDistrict, String> {

	@Override
	public boolean isValid(String written, ConstraintValidatorContext context) {
		return written == null || written.isBlank() || PostcodeDistrict.of(written).isPresent();
	}

}
