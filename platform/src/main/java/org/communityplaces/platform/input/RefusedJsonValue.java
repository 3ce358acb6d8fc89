package org.communityplaces.platform.input;

import org.communityplaces.platform.problem.Refused;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON value that parsed but that the platform turns down; Jackson adds the path of the field. */
class RefusedJsonValue extends InvalidFormatException implements Refused {

	private final String reason;

	RefusedJsonValue(JsonParser parser, String reason, Class<?> targetType) {
		super(parser, reason, null, targetType);
		this.reason = reason;
	}

	@Override
	public String reason() {
		return reason;
	}

}
