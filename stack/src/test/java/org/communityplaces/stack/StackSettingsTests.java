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
