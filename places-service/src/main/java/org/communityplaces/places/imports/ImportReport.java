package org.communityplaces.places.imports;

import java.util.List;

/**
 * What an import did: how many places it created, updated or found unchanged; each row it
 * turned down, and each row it took in with warnings (a session left out, no street address,
 * no town), with where it is ({@code line} in a CSV file, {@code item} in a JSON feed), the
 * file's own {@code id} for it and, in one line, everything there is to say about it.
 */
record ImportReport(int created, int updated, int unchanged, List<Rejected> rejected, List<Warned> warnings) {

	/** The counts in words, as the audit trail keeps them: "3 new, 1 updated, 0 unchanged, 2 turned down, 1 with warnings". */
	String inWords() {
		return created + " new, " + updated + " updated, " + unchanged + " unchanged, " + rejected.size()
				+ " turned down, " + warnings.size() + " with warnings";
	}

	/** @param reason why it was turned down, then any warnings, separated by "; " */
	record Rejected(Integer line, Integer item, String id, String reason) {
	}

	/** @param warning what was left out or is missing, separated by "; " */
	record Warned(Integer line, Integer item, String id, String warning) {
	}

}
