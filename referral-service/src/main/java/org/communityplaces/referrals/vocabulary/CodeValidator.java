package org.communityplaces.referrals.vocabulary;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.communityplaces.contracts.Vocabularies.Vocabulary;

/** Made by Spring for each use of {@link Code}, with the contract's vocabularies. */
class CodeValidator implements ConstraintValidator<Code, String> {

	private final ReferralCodes codes;

	private Vocabulary vocabulary;

	private String refusal;

	CodeValidator(ReferralCodes codes) {
		this.codes = codes;
	}

	@Override
	public void initialize(Code code) {
		vocabulary = codes.vocabulary(code.value());
		String allowed = ReferralCodes.inWords(vocabulary.codes());
		refusal = code.message().isEmpty() ? "must be one of " + allowed : code.message() + ": one of " + allowed;
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null || vocabulary.has(value)) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
		return false;
	}

}
