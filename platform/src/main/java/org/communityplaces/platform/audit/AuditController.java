package org.communityplaces.platform.audit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read a service's audit trail: by record, by person acting, newest first. */
@RestController
@RequestMapping("${platform.audit.path}")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	AuditPage entries(Caller caller, @RequestParam(required = false) @Size(max = 200) String objectId,
			@RequestParam(required = false) @Size(max = 200) String actorId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins can read the audit log.");
		}
		return new AuditPage(page, size, log.find(objectId, actorId, page, size));
	}

	record AuditPage(int page, int size, List<AuditEntry> entries) {
	}

}
