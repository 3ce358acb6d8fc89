package org.communityplaces.referrals.referral;

import java.util.Set;

import org.communityplaces.platform.caller.Role;

/** What can happen to a referral, and who may make it happen. */
enum Action {

	SUBMIT("submit", Set.of(Role.REFERRER), Set.of()),
	ACCEPT("accept", Set.of(Role.HOST), Set.of()),
	REJECT("reject", Set.of(Role.HOST), Set.of("no-capacity", "not-eligible", "could-not-contact", "other")),
	CANCEL("cancel", Set.of(Role.REFERRER),
			Set.of("no-longer-needed", "person-declined", "referred-elsewhere", "entered-in-error", "other")),
	/** The host did not answer in time: only the deadline watch does this. */
	EXPIRE("expire", Set.of(), Set.of()),
	/** The person came to a session. */
	ATTEND("record attendance", Set.of(Role.HOST, Role.REFERRER), Set.of()),
	/** The person did not come to a session; before any first attendance, the referral has failed. */
	MISS("record a missed session", Set.of(Role.HOST, Role.REFERRER), Set.of()),
	COMPLETE("complete", Set.of(Role.HOST, Role.REFERRER), Set.of()),
	FAIL("close as failed", Set.of(Role.HOST, Role.REFERRER), Set.of("did-not-attend", "disengaged")),
	HOLD("put on hold", Set.of(Role.HOST, Role.REFERRER), Set.of("person-unwell", "place-closed", "other")),
	RESUME("resume", Set.of(Role.HOST, Role.REFERRER), Set.of());

	private final String description;

	private final Set<Role> allowed;

	private final Set<String> reasons;

	Action(String description, Set<Role> allowed, Set<String> reasons) {
		this.description = description;
		this.allowed = allowed;
		this.reasons = reasons;
	}

	String description() {
		return description;
	}

	boolean allowedFor(Role role) {
		return allowed.contains(role);
	}

	/** The coded reasons this action must give, or none when it takes no reason. */
	Set<String> reasons() {
		return reasons;
	}

}
