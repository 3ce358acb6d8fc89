package org.communityplaces.referrals.referral;

import java.net.URI;

import org.communityplaces.platform.caller.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Referrals as answers over HTTP. Each answer carries the referral's version as its ETag;
 * sending it back as {@code If-Match} makes a change fail (412) if someone changed the
 * referral since.
 */
@Component
public class ReferralAnswers {

	private final ReferralAccess access;

	ReferralAnswers(ReferralAccess access) {
		this.access = access;
	}

	public ResponseEntity<Object> created(Caller caller, Referral referral) {
		return ResponseEntity.created(URI.create("/api/referrals/" + referral.id()))
			.eTag(etag(referral))
			.body(access.shown(caller, referral, "make referral"));
	}

	public ResponseEntity<Object> withVersion(Caller caller, Referral referral, String purpose) {
		return ResponseEntity.ok().eTag(etag(referral)).body(access.shown(caller, referral, purpose));
	}

	/** With {@code If-Match}, the referral must still be at the version the caller saw. */
	public static Referral unchanged(Referral referral, String ifMatch) {
		if (ifMatch == null) {
			return referral;
		}
		String version = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		if (!version.matches("\\d{1,18}")) {
			throw new ReferralProblems.InvalidField("If-Match", "must be the ETag of the referral, such as \"3\"");
		}
		if (Long.parseLong(version) != referral.version()) {
			throw new ReferralProblems.StaleVersion(referral.version());
		}
		return referral;
	}

	private static String etag(Referral referral) {
		return "\"" + referral.version() + "\"";
	}

}
