package org.communityplaces.referrals.subjectaccess;

import java.util.List;

/**
 * A copy of everything the service holds about one person, written for that person to read:
 * headings, dates in words and codes in the words of the contract's vocabularies. The web app
 * lays it out as a page to print or save; nothing in it is worked out there.
 *
 * @param searchedFor how the person was looked up, in words
 * @param introduction what the copy is and what it covers
 * @param sections one for each referral, each with its parts
 */
record SubjectAccessDocument(String title, String preparedOn, String searchedFor, List<String> introduction,
		List<Section> sections) {

	/**
	 * @param paragraphs what the section says before its facts
	 * @param facts each held value under the words that say what it is
	 * @param parts sections within it, one heading level down
	 */
	record Section(String heading, List<String> paragraphs, List<Fact> facts, List<Section> parts) {
	}

	record Fact(String label, String value) {
	}

}
