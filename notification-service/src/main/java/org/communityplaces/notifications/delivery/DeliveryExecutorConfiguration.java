package org.communityplaces.notifications.delivery;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that send each delivery as soon as it is raised, apart from the Kafka consumer,
 * so a slow mail server or webhook receiver never holds up the stream of events. Spring shuts
 * them down with the context; Micrometer measures them as {@code executor.*} tagged
 * {@code name=deliveryExecutor}.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryExecutorConfiguration {

	static final String DELIVERY_EXECUTOR = "deliveryExecutor";

	/**
	 * Not a default candidate, so Spring Boot still provides its {@code applicationTaskExecutor}
	 * (any other Executor bean would stand in for it). The queue is unbounded and tasks are taken
	 * until the context is destroyed, because the Kafka listener may still raise alerts while
	 * the context closes; whatever is not sent by then the sweep sends after a restart.
	 */
	@Bean(name = DELIVERY_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor deliveryExecutor(ThreadPoolTaskExecutorBuilder builder) {
		return builder.corePoolSize(4)
			.maxPoolSize(4)
			.queueCapacity(Integer.MAX_VALUE)
			.acceptTasksAfterContextClose(true)
			.threadNamePrefix("notification-delivery-")
			.build();
	}

}
