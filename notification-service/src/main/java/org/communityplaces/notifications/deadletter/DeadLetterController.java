package org.communityplaces.notifications.deadletter;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins see the events that could not be processed, and replay them once the cause is fixed. */
@RestController
@RequestMapping("/api/notifications/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetter> list(Caller caller, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		requireAdmin(caller);
		DeadLetter.Status wanted = null;
		if (status != null) {
			try {
				wanted = DeadLetter.Status.valueOf(status.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for status.", "status",
						"must be parked or replayed");
			}
		}
		return deadLetters.list(wanted, page, size);
	}

	@PostMapping("/{id}/replay")
	DeadLetter replay(Caller caller, @PathVariable String id) {
		requireAdmin(caller);
		return deadLetters.replay(id, caller);
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins see and replay dead letters.");
		}
	}

}
