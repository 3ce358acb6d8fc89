package org.communityplaces.referrals.intake;

import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.communityplaces.referrals.intake.ReferralRequests.ContactDetails;

/** Names {@code value} as the field to fix, with what the method needs. */
class FitsItsMethodValidator implements ConstraintValidator<FitsItsMethod, ContactDetails> {

	@Override
	public boolean isValid(ContactDetails contact, ConstraintValidatorContext context) {
		if (contact == null || contact.method() == null) {
			return true;
		}
		Optional<String> problem = ContactValue.problem(contact.method(), contact.value());
		problem.ifPresent(message -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addPropertyNode("value").addConstraintViolation();
		});
		return problem.isEmpty();
	}

}
