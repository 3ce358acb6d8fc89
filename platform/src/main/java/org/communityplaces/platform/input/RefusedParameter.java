package org.communityplaces.platform.input;

import org.communityplaces.platform.problem.Refused;

/** A query parameter or path segment that the platform turns down before the controller sees it. */
class RefusedParameter extends IllegalArgumentException implements Refused {

	private final String reason;

	RefusedParameter(String reason) {
		super(reason);
		this.reason = reason;
	}

	@Override
	public String reason() {
		return reason;
	}

}
