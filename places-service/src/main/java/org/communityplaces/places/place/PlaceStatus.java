package org.communityplaces.places.place;

import java.util.Arrays;
import java.util.Optional;

import org.communityplaces.places.taxonomy.Taxonomies;

/**
 * HSDS service status, as the contract's {@code place-status} vocabulary codes it. Only active
 * places take referrals and appear in referrers' search.
 */
public enum PlaceStatus {

	ACTIVE("active"), INACTIVE("inactive"), DEFUNCT("defunct"), TEMPORARILY_CLOSED("temporarily closed");

	private final String hsds;

	PlaceStatus(String hsds) {
		this.hsds = hsds;
	}

	public String hsds() {
		return hsds;
	}

	/** Every status's HSDS code, as a sentence offers them to choose from. */
	public static String alternatives() {
		return Taxonomies.alternatives(Arrays.stream(values()).map(PlaceStatus::hsds).toList());
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
