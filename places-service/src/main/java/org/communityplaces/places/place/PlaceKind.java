package org.communityplaces.places.place;

import java.util.Optional;

import org.communityplaces.places.taxonomy.Vocabulary;

/** The kinds of place, each a term of the {@code place-kind} taxonomy. */
public enum PlaceKind {

	PUB("pub"), SHOP("shop"), COMMUNITY_GROUP("community-group"), INTERGENERATIONAL_SCHEME("intergenerational-scheme");

	private final String code;

	PlaceKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public String termId() {
		return Vocabulary.stableId("term", Vocabulary.PLACE_KIND, code);
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
