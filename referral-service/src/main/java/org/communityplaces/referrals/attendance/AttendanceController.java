package org.communityplaces.referrals.attendance;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceController {

	private final Attendance attendance;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	AttendanceController(Attendance attendance, ReferralAccess access, ReferralAnswers answers) {
		this.attendance = attendance;
		this.access = access;
		this.answers = answers;
	}

	@PostMapping("/api/referrals/{id}/attendance")
	ResponseEntity<Object> attendance(Caller caller, @PathVariable String id, @Valid @RequestBody AttendanceRecord record,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Session session = Session.of(record.attended());
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, session.description()), ifMatch);
		return answers.withVersion(caller, attendance.record(caller, referral, record.on(), session),
				session.description());
	}

	record AttendanceRecord(@NotNull @PastOrPresent LocalDate on, @NotNull Boolean attended) {
	}

}
