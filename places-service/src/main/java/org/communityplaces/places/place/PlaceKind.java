package org.communityplaces.places.place;

import java.util.Arrays;
import java.util.Optional;

import org.communityplaces.places.taxonomy.Taxonomies;

/** The kinds of place, each a term of the contract's {@code place-kind} vocabulary, whose codes they are. */
public enum PlaceKind {

	PUB("pub"), SHOP("shop"), COMMUNITY_GROUP("community-group"), INTERGENERATIONAL_SCHEME("intergenerational-scheme");

	private final String code;

	PlaceKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/** Every kind's code, as a sentence offers them to choose from. */
	public static String alternatives() {
		return Taxonomies.alternatives(Arrays.stream(values()).map(PlaceKind::code).toList());
	}

	public String termId() {
		return Taxonomies.stableId("term", Taxonomies.PLACE_KIND, code);
	}

	public static Optional<PlaceKind> ofCode(String code) {
		for (PlaceKind kind : values()) {
			if (kind.code.equalsIgnoreCase(code) || kind.name().equalsIgnoreCase(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
