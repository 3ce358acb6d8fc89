package org.communityplaces.gateway.pages;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reminder a referrer reads before sending a referral: a referral to a community place is
 * not the route for a safeguarding concern, and where to go instead. Each deployment names its
 * own team ({@code gateway.pages.safeguarding}).
 */
@RestController
@EnableConfigurationProperties(SafeguardingController.Safeguarding.class)
class SafeguardingController {

	private final Safeguarding safeguarding;

	SafeguardingController(Safeguarding safeguarding) {
		this.safeguarding = safeguarding;
	}

	@GetMapping("/api/safeguarding")
	Safeguarding reminder() {
		return safeguarding;
	}

	/**
	 * @param reminder what the referrer reads, in plain English
	 * @param contact who to contact instead, with their number, or empty
	 * @param address the web page of the deployment's safeguarding team (https), or empty
	 */
	@ConfigurationProperties("gateway.pages.safeguarding")
	record Safeguarding(String reminder, String contact, String address) {

		Safeguarding {
			if (reminder == null || reminder.isBlank()) {
				throw new IllegalArgumentException("gateway.pages.safeguarding.reminder must say what to do instead");
			}
			contact = contact == null || contact.isBlank() ? null : contact.strip();
			address = address == null || address.isBlank() ? null : address.strip();
			if (address != null && !"https".equals(URI.create(address).getScheme())) {
				throw new IllegalArgumentException("gateway.pages.safeguarding.address must be an https address");
			}
		}

	}

}
