package org.communityplaces.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the Kafka cluster UP when a broker answers a describe-cluster call in time, so that
 * an instance that cannot reach Kafka is taken out of readiness instead of losing events.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final AdminClient admin;

	private final Duration timeout;

	KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		super("Kafka health check failed");
		Map<String, Object> properties = new java.util.HashMap<>(adminProperties);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.admin = AdminClient.create(properties);
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
		int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", cluster.clusterId().get()).withDetail("brokers", brokers);
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(1));
	}

}
