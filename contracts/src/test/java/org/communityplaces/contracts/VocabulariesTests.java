package org.communityplaces.contracts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabulariesTests {

	private final Vocabularies vocabularies = Vocabularies.load();

	@Test
	void everyVocabularyHasNamedTermsWithUniqueCodes() {
		assertThat(vocabularies.all()).extracting(Vocabularies.Vocabulary::code)
			.contains("place-kind", "activity", "accessibility", "referral-reason", "need", "age-band",
					"contact-method", "consent-method", "lawful-basis", "referral-status", "reject-reason",
					"cancel-reason", "fail-reason", "hold-reason", "shared-with-host")
			.doesNotHaveDuplicates();
		for (Vocabularies.Vocabulary vocabulary : vocabularies.all()) {
			assertThat(vocabulary.terms()).as(vocabulary.code()).isNotEmpty();
			assertThat(vocabulary.codes()).as(vocabulary.code()).doesNotHaveDuplicates();
			vocabulary.terms().forEach(term -> assertThat(term.name()).as(term.code()).isNotBlank());
		}
	}

	@Test
	void everyEventSchemaEnumOfAVocabularyListsExactlyItsCodes() throws Exception {
		ObjectMapper json = new ObjectMapper();
		int checked = 0;
		for (Vocabularies.Vocabulary vocabulary : vocabularies.all()) {
			for (String use : vocabulary.usedInEvents()) {
				String[] parts = use.split("#", 2);
				JsonNode schema = json.readTree(
						getClass().getClassLoader().getResource("contracts/schemas/" + parts[0] + ".json"));
				JsonNode enumeration = schema.at(parts[1]).path("enum");
				assertThat(enumeration.isArray()).as(use + " is an enum").isTrue();
				List<String> codes = new ArrayList<>();
				enumeration.forEach(code -> codes.add(code.asText()));
				assertThat(codes).as(use).containsExactlyInAnyOrderElementsOf(vocabulary.codes());
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(6);
	}

	@Test
	void anUnknownVocabularyIsAProgrammingError() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> vocabularies.get("favourite-colour"));
	}

}
