package org.communityplaces.platform.kafka;

import java.time.Duration;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What a listener's failure leads to, the same in every service: a failure that will pass (see
 * {@link EventFailures}) is retried with backoff, the waits doubling up to a cap, for as long
 * as it lasts, so a store or broker outage delays events and never parks them; a
 * {@link BrokenEvent} is parked at once; any other failure is retried a few times, quickly,
 * and then parked. The record's partition waits meanwhile, so one place's or one referral's
 * events stay in order.
 */
public class EventErrorHandlers {

	/** The suffix of the topic where a topic's events that cannot be processed are parked. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private static final Logger log = LoggerFactory.getLogger(EventErrorHandlers.class);

	private final Settings settings;

	EventErrorHandlers(Settings settings) {
		this.settings = settings;
	}

	/** Parks what cannot be processed on {@code <topic>-dlt}, keyed as before, for the admins' dead letters. */
	public DefaultErrorHandler parkingOnDeadLetterTopics(KafkaOperations<?, ?> kafka) {
		return parkingOnDeadLetterTopics(kafka, record -> false);
	}

	/**
	 * As {@link #parkingOnDeadLetterTopics(KafkaOperations)}, but the records {@code neverParked}
	 * picks (a dead letter, say) are retried with backoff whatever their failure, for there is
	 * nowhere they may go.
	 */
	public DefaultErrorHandler parkingOnDeadLetterTopics(KafkaOperations<?, ?> kafka,
			Predicate<ConsumerRecord<?, ?>> neverParked) {
		return parking(new DeadLetterPublishingRecoverer(kafka, (record, failure) -> {
			if (neverParked.test(record)) {
				throw new IllegalStateException("This event is never parked; it will be tried again", failure);
			}
			// The partition is left to the key, so the two topics may have different partition counts
			return new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1);
		}), neverParked);
	}

	/**
	 * For a listener whose events nobody needs to see parked (a cache that its own sweep keeps
	 * true): what cannot be processed is logged, by where it was, and passed over.
	 */
	public DefaultErrorHandler passingOver() {
		return parking((record, failure) -> log.warn("Passed over the event at offset {} of {}-{}: {}", record.offset(),
				record.topic(), record.partition(),
				// The listener's own failure, not the container's wrapper of it; its class only, as its message may quote the event
				NestedExceptionUtils.getMostSpecificCause(failure).getClass().getSimpleName()), record -> false);
	}

	private DefaultErrorHandler parking(ConsumerRecordRecoverer park, Predicate<ConsumerRecord<?, ?>> neverParked) {
		DefaultErrorHandler handler = new DefaultErrorHandler(park,
				new FixedBackOff(settings.initialInterval().toMillis(), settings.lastingFailureRetries()));
		BackOff untilItPasses = untilItPasses();
		handler.setBackOffFunction(
				(record, failure) -> neverParked.test(record) || EventFailures.willPass(failure) ? untilItPasses : null);
		handler.addNotRetryableExceptions(BrokenEvent.class);
		// A failure that turns from passing to lasting (the store is back, and something else is wrong) is counted afresh
		handler.setResetStateOnExceptionChange(true);
		return handler;
	}

	private BackOff untilItPasses() {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(settings.maxInterval().toMillis());
		// Instances that met the same outage do not all come back at the same instant
		backOff.setJitter(settings.initialInterval().toMillis() / 2);
		return backOff;
	}

	/**
	 * @param initialInterval the first wait before an event is tried again
	 * @param maxInterval the longest wait between tries of a failure that will pass; there is no
	 * limit to how long it is tried
	 * @param lastingFailureRetries how many times a failure that will not pass is tried again before the event is parked
	 */
	public record Settings(Duration initialInterval, Duration maxInterval, int lastingFailureRetries) {
	}

}
