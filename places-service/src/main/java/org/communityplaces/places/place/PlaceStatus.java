package org.communityplaces.places.place;

import java.util.Optional;

/** HSDS service status. Only active places take referrals and appear in referrers' search. */
public enum PlaceStatus {

	ACTIVE("active"), INACTIVE("inactive"), DEFUNCT("defunct"), TEMPORARILY_CLOSED("temporarily closed");

	private final String hsds;

	PlaceStatus(String hsds) {
		this.hsds = hsds;
	}

	public String hsds() {
		return hsds;
	}

	public static Optional<PlaceStatus> ofHsds(String value) {
		for (PlaceStatus status : values()) {
			if (status.hsds.equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
