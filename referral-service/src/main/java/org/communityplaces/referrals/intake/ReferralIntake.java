package org.communityplaces.referrals.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.problem.Problem;
import org.communityplaces.referrals.intake.ReferralRequests.NewReferral;
import org.communityplaces.referrals.referral.Referral;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Making a referral asked for in another format (FHIR): translated into the JSON API's request,
 * it is read by the same strict mapper, checked against the same constraints, and made by the
 * same intake with the same idempotency, so every rule holds however a referral is sent.
 */
@Component
public class ReferralIntake {

	private final Intake intake;

	private final JsonMapper json;

	private final Validator validator;

	ReferralIntake(Intake intake, JsonMapper json, Validator validator) {
		this.intake = intake;
		this.json = json;
		this.validator = validator;
	}

	/**
	 * @param newReferral the request as the JSON API takes it at {@code POST /api/referrals}
	 * @param idempotencyKey as the JSON API's {@code Idempotency-Key}, or null
	 */
	public Referral refer(Caller caller, JsonNode newReferral, String idempotencyKey) {
		NewReferral request;
		try {
			request = json.treeToValue(newReferral, NewReferral.class);
		}
		catch (JacksonException unreadable) {
			throw new HttpMessageNotReadableException(unreadable.getOriginalMessage(), unreadable, null);
		}
		Set<ConstraintViolation<NewReferral>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new Invalid(violations);
		}
		return intake.refer(caller, request, idempotencyKey);
	}

	/** Every problem of the request at once, each named by its field as the JSON API names it. */
	static class Invalid extends Problem {

		Invalid(Set<ConstraintViolation<NewReferral>> violations) {
			this(violations.stream()
				.map(violation -> Map.of("field", fieldOf(violation.getPropertyPath()), "message",
						violation.getMessage()))
				.sorted(Comparator.comparing(error -> error.get("field")))
				.toList());
		}

		private Invalid(List<Map<String, String>> errors) {
			super(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for "
					+ errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", ")) + ".");
			getBody().setProperty("errors", errors);
		}

		/** {@code person.needs[0]}, as a binding error names it. */
		private static String fieldOf(Path path) {
			StringBuilder field = new StringBuilder();
			for (Path.Node node : path) {
				if (node.isInIterable() && node.getIndex() != null) {
					field.append('[').append(node.getIndex()).append(']');
				}
				String name = node.getName();
				if (name != null && !name.startsWith("<")) {
					field.append(field.isEmpty() ? "" : ".").append(name);
				}
			}
			return field.toString();
		}

	}

}
