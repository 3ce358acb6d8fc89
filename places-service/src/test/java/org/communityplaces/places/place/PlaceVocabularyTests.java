package org.communityplaces.places.place;

import java.util.Arrays;

import org.communityplaces.contracts.Vocabularies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's kinds and statuses are the contract's vocabularies of them, code for code. */
class PlaceVocabularyTests {

	private final Vocabularies vocabularies = Vocabularies.load();

	@Test
	void placeKindsAreThePlaceKindVocabulary() {
		assertThat(Arrays.stream(PlaceKind.values()).map(PlaceKind::code))
			.containsExactlyElementsOf(vocabularies.get("place-kind").codes());
	}

	@Test
	void placeStatusesAreThePlaceStatusVocabulary() {
		assertThat(Arrays.stream(PlaceStatus.values()).map(PlaceStatus::hsds))
			.containsExactlyElementsOf(vocabularies.get("place-status").codes());
	}

}
