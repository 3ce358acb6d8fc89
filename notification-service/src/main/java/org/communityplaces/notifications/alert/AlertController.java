package org.communityplaces.notifications.alert;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class AlertController {

	private final AlertRepository alerts;

	AlertController(AlertRepository alerts) {
		this.alerts = alerts;
	}

	/** Who was told what about a referral, without their addresses. */
	@GetMapping
	List<AlertView> aboutReferral(@RequestParam String referralId) {
		return alerts.findByReferralIdOrderByCreatedAt(referralId).stream().map(AlertView::of).toList();
	}

	record AlertView(String recipient, String channel, String subject, String status, Instant createdAt,
			Instant sentAt) {

		static AlertView of(Alert alert) {
			return new AlertView(alert.role().name().toLowerCase(), alert.channel(), alert.subject(),
					alert.status().name().toLowerCase(), alert.createdAt(), alert.sentAt());
		}

	}

}
