package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackSettingsTests {

	private final Path root = Path.of("/srv/referrals");

	@Test
	void withoutOverridesTheStackUsesTheFixedPortsAndKeepsDataUnderTheRoot() {
		StackSettings settings = StackSettings.from(root, new Properties());
		assertThat(settings.gatewayPort()).isEqualTo(8080);
		assertThat(settings.placesPort()).isEqualTo(8081);
		assertThat(settings.referralPort()).isEqualTo(8082);
		assertThat(settings.notificationPort()).isEqualTo(8083);
		assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
		assertThat(settings.mongoUri("places")).isEqualTo("mongodb://127.0.0.1:27017/places");
		assertThat(settings.dataDirectory()).isEqualTo(root.resolve("data"));
		assertThat(settings.persistent()).isTrue();
	}

	@Test
	void everyPortAndTheDataFolderCanBeOverridden() {
		Properties properties = new Properties();
		properties.setProperty("stack.gateway-port", "9080");
		properties.setProperty("stack.kafka-port", " 19092 ");
		properties.setProperty("stack.smtp-port", "2525");
		properties.setProperty("stack.data", "/var/lib/referrals");
		StackSettings settings = StackSettings.from(root, properties);
		assertThat(settings.gatewayPort()).isEqualTo(9080);
		assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
		assertThat(settings.smtpPort()).isEqualTo(2525);
		assertThat(settings.placesPort()).isEqualTo(8081);
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/lib/referrals"));
	}

	@Test
	void oneInstanceOfEachServiceAndOneBrokerUnlessAskedForMore() {
		StackSettings settings = StackSettings.from(root, new Properties());
		assertThat(settings.instances()).isEqualTo(1);
		assertThat(settings.brokers()).isEqualTo(1);
	}

	@Test
	void furtherInstancesAndBrokersListenAHundredPortsAboveTheOneBefore() {
		Properties properties = new Properties();
		properties.setProperty("stack.instances", "2");
		properties.setProperty("stack.brokers", "3");
		StackSettings settings = StackSettings.from(root, properties);
		assertThat(settings.instances()).isEqualTo(2);
		assertThat(StackSettings.instancePort(settings.placesPort(), 1)).isEqualTo(8181);
		assertThat(StackSettings.instancePort(settings.gatewayPort(), 1)).isEqualTo(8180);
		assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:9292");
	}

	@Test
	void aClusterHasThreeBrokersAndAtMostNineInstancesRun() {
		Properties properties = new Properties();
		properties.setProperty("stack.brokers", "2");
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(root, properties))
			.withMessageContaining("stack.brokers");
		properties.setProperty("stack.brokers", "1");
		properties.setProperty("stack.instances", "10");
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(root, properties))
			.withMessageContaining("stack.instances");
		properties.setProperty("stack.instances", "two");
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(root, properties))
			.withMessageContaining("stack.instances");
	}

	@Test
	void aPortThatIsNotAPortNumberIsRefusedByName() {
		Properties properties = new Properties();
		properties.setProperty("stack.mongo-port", "70000");
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(root, properties))
			.withMessageContaining("stack.mongo-port")
			.withMessageContaining("70000");
		properties.setProperty("stack.mongo-port", "mongo");
		assertThatIllegalArgumentException().isThrownBy(() -> StackSettings.from(root, properties))
			.withMessageContaining("stack.mongo-port");
	}

}
