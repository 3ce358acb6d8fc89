package org.communityplaces.referrals.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the retention period's next run would erase, as an admin shows a board or a data
 * protection officer before it happens: counts, and referrals by id, status and the day they
 * closed, with nothing about anyone in them.
 *
 * @param keepFor the retention period, as ISO 8601 (P7Y)
 * @param closedBefore referrals closed before this, and not erased yet, are due
 * @param checkEvery how often the service runs the erasure (PT6H)
 * @param due how many referrals the next run would erase
 * @param byYearClosed of those, how many closed in each year
 * @param referrals the first {@value Retention#LISTED} of them, oldest first
 * @param erasedSoFar referrals whose personal data was erased, by {@code erasure-reason}
 */
record RetentionReport(Instant checkedAt, String keepFor, Instant closedBefore, String checkEvery, long due,
		Map<String, Long> byStatus, Map<Integer, Long> byYearClosed, List<Due> referrals,
		Map<String, Long> erasedSoFar) {

	record Due(String id, String status, Instant closedAt) {
	}

}
