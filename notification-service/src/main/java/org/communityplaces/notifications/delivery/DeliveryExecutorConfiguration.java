package org.communityplaces.notifications.delivery;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that send deliveries, a bounded pool for each channel, apart from the Kafka
 * consumer and the scheduler: a slow mail server, GOV.UK Notify or webhook receiver never holds
 * up the stream of events, the sweep, or another channel. Spring shuts them down with the
 * context; Micrometer measures them as {@code executor.*} tagged with the bean's name.
 * <p>
 * Not default candidates, so Spring Boot still provides its {@code applicationTaskExecutor}
 * (any other Executor bean would stand in for it). Tasks are taken until the context is
 * destroyed, because the Kafka listener may still raise alerts while the context closes;
 * whatever is not sent by then the sweep sends after a restart.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryExecutorConfiguration {

	static final String EMAIL_EXECUTOR = "emailDeliveryExecutor";

	static final String TEXT_EXECUTOR = "textDeliveryExecutor";

	static final String WEBHOOK_EXECUTOR = "webhookDeliveryExecutor";

	/** Addresses waiting for a thread, beyond those being worked through. */
	private static final int WAITING = 100;

	@Bean(name = EMAIL_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor emailDeliveryExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return lane(builder, 4, "notification-email-");
	}

	@Bean(name = TEXT_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor textDeliveryExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return lane(builder, 2, "notification-text-");
	}

	/** More threads than the others: each receiver may hold one for up to 15 s. */
	@Bean(name = WEBHOOK_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor webhookDeliveryExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return lane(builder, 8, "notification-webhook-");
	}

	private static ThreadPoolTaskExecutor lane(ThreadPoolTaskExecutorBuilder builder, int threads, String prefix) {
		return builder.corePoolSize(threads)
			.maxPoolSize(threads)
			.queueCapacity(WAITING)
			.acceptTasksAfterContextClose(true)
			.threadNamePrefix(prefix)
			.build();
	}

}
