package org.communityplaces.places.imports;

import java.util.List;

/**
 * What an import did: how many places it created, updated or found unchanged, and each row it
 * turned down with where it is ({@code line} in a CSV file, {@code item} in a JSON feed) and why.
 */
record ImportReport(int created, int updated, int unchanged, List<Rejected> rejected) {

	record Rejected(Integer line, Integer item, String id, String reason) {
	}

}
