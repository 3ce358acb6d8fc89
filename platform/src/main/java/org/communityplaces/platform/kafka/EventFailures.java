package org.communityplaces.platform.kafka;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures of an event's processing pass by themselves: the one place that says so for
 * every service's listeners.
 */
public final class EventFailures {

	/**
	 * MongoDB's codes for a server that is stopping, stepping down, unreachable or out of time,
	 * and for a write that met another (WriteConflict).
	 */
	private static final Set<Integer> PASSING_MONGO_CODES = Set.of(6, 7, 50, 89, 91, 112, 189, 262, 9001, 10107,
			11600, 11602, 13435, 13436);

	/** The label MongoDB gives an error a write may be tried again after (no constant in the driver). */
	private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

	private EventFailures() {
	}

	/**
	 * @return whether the failure, or anything that caused it, is one that passes by itself: the
	 * store or the broker unreachable or slow to answer, or a write that lost a race with
	 * another (an optimistic-lock conflict); anything else will fail again the same way
	 */
	public static boolean willPass(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (passes(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean passes(Throwable cause) {
		return cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
				|| cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
				|| cause instanceof MongoTimeoutException || cause instanceof MongoNotPrimaryException
				|| cause instanceof MongoNodeIsRecoveringException
				|| cause instanceof MongoException mongo && (PASSING_MONGO_CODES.contains(mongo.getCode())
						|| mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
						|| mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR))
				|| cause instanceof RetriableException || cause instanceof TimeoutException
				|| cause instanceof SocketException || cause instanceof SocketTimeoutException;
	}

}
