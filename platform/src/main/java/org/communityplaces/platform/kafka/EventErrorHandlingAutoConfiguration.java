package org.communityplaces.platform.kafka;

import java.time.Duration;

import com.mongodb.MongoException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * The one way listeners meet failures ({@link EventErrorHandlers}), set from
 * {@code platform.events.retry.*}. A service that parks its dead letters declares its own
 * handler from these; one that does not passes over what cannot be processed. A send that fails
 * is logged without the event's words.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ DefaultErrorHandler.class, MongoException.class })
public class EventErrorHandlingAutoConfiguration {

	@Bean
	EventErrorHandlers eventErrorHandlers(
			@Value("${platform.events.retry.initial-interval:500ms}") Duration initialInterval,
			@Value("${platform.events.retry.max-interval:30s}") Duration maxInterval,
			@Value("${platform.events.retry.lasting-failure-retries:2}") int lastingFailureRetries) {
		return new EventErrorHandlers(
				new EventErrorHandlers.Settings(initialInterval, maxInterval, lastingFailureRetries));
	}

	/** Spring Kafka's own logs the key and the start of the payload of a send that failed: personal data may be in either. */
	@Bean
	@ConditionalOnMissingBean(ProducerListener.class)
	LoggingProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler passingOverErrorHandler(EventErrorHandlers handlers) {
		return handlers.passingOver();
	}

}
