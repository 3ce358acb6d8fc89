package org.communityplaces.referrals.intake;

import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.communityplaces.referrals.intake.ReferralRequests.HearBy;
import org.communityplaces.referrals.intake.ReferralRequests.PostalAddressDetails;

/**
 * Names the field the chosen way needs and lacks: {@code mobileNumber} for a text message,
 * {@code emailAddress} for an e-mail, the address's {@code lines} and {@code postcode} for a
 * letter; every problem at once, as the rest of the referral's.
 */
class ReachableThatWayValidator implements ConstraintValidator<ReachableThatWay, HearBy> {

	@Override
	public boolean isValid(HearBy hearBy, ConstraintValidatorContext context) {
		if (hearBy == null || hearBy.by() == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		return switch (hearBy.by()) {
			case "text" -> fits(context, "mobileNumber", ContactValue.problem("text", hearBy.mobileNumber()));
			case "email" -> fits(context, "emailAddress", ContactValue.problem("email", hearBy.emailAddress()));
			case "letter" -> postable(context, hearBy.postalAddress());
			default -> true;
		};
	}

	private static boolean postable(ConstraintValidatorContext context, PostalAddressDetails address) {
		List<String> lines = address == null || address.lines() == null ? List.of() : address.lines();
		Optional<String> linesProblem = PostalAddressRules.linesProblem(lines);
		Optional<String> postcodeProblem = PostalAddressRules.postcodeProblem(address == null ? null : address.postcode());
		linesProblem.ifPresent(message -> context.buildConstraintViolationWithTemplate(message)
			.addPropertyNode("postalAddress")
			.addPropertyNode("lines")
			.addConstraintViolation());
		postcodeProblem.ifPresent(message -> context.buildConstraintViolationWithTemplate(message)
			.addPropertyNode("postalAddress")
			.addPropertyNode("postcode")
			.addConstraintViolation());
		return linesProblem.isEmpty() && postcodeProblem.isEmpty();
	}

	private static boolean fits(ConstraintValidatorContext context, String field, Optional<String> problem) {
		problem.ifPresent(message -> context.buildConstraintViolationWithTemplate(message)
			.addPropertyNode(field)
			.addConstraintViolation());
		return problem.isEmpty();
	}

}
