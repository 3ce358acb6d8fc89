package org.communityplaces.referrals.vocabulary;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.communityplaces.contracts.Vocabularies.Vocabulary;

/** Made by Spring for each use of {@link Code}, with the contract's vocabularies. */
class CodeValidator implements ConstraintValidator<Code, String> {

	private final ReferralCodes codes;

	private Vocabulary vocabulary;

	CodeValidator(ReferralCodes codes) {
		this.codes = codes;
	}

	@Override
	public void initialize(Code code) {
		vocabulary = codes.vocabulary(code.value());
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null || vocabulary.has(value)) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate("must be one of " + ReferralCodes.inWords(vocabulary.codes()))
			.addConstraintViolation();
		return false;
	}

}
