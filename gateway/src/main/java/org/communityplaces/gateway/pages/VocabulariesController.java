package org.communityplaces.gateway.pages;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.communityplaces.contracts.Vocabularies;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every vocabulary of the contract with its terms, for API clients' forms and for the words they
 * show for a code. The same for everyone and fixed for a release, so open and cacheable.
 */
@RestController
class VocabulariesController {

	/** Also written into every page, so that no page waits on a request for them. */
	static final List<VocabularyView> ALL = Vocabularies.load()
		.all()
		.stream()
		.map(vocabulary -> new VocabularyView(vocabulary.code(), vocabulary.name(), vocabulary.description(),
				vocabulary.terms().stream().map(term -> new TermView(term.code(), term.name(), term.description())).toList()))
		.toList();

	/** Answered with 304 Not Modified when the browser's copy is this one. */
	private final String etag = "\"" + Integer.toHexString(ALL.hashCode()) + "\"";

	@GetMapping("/api/vocabularies")
	ResponseEntity<List<VocabularyView>> vocabularies() {
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
			.body(ALL);
	}

	record VocabularyView(String code, String name, String description, List<TermView> terms) {
	}

	record TermView(String code, String name, String description) {
	}

}
