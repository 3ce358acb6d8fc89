package org.communityplaces.stack;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How long a journey waits for what happens in its own time: a page, an answer, an e-mail, a log
 * line or a metric. Long enough for a loaded two-core machine, where one page took over 20
 * seconds; short enough that a hang still fails, naming what was awaited.
 */
final class Patience {

	static final Duration LIMIT = Duration.ofSeconds(60);

	private Patience() {
	}

	/** Polls until the condition holds, for at most {@link #LIMIT}; a timeout names {@code what}. */
	static ConditionFactory await(String what) {
		return Awaitility.await(what).atMost(LIMIT);
	}

}
