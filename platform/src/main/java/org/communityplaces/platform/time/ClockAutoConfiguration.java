package org.communityplaces.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One UTC clock for every service, replaceable in tests that need to move time. */
@AutoConfiguration
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** {@code @PastOrPresent} and friends judge "now" by the same clock as the rest of the service. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ValidationConfigurationCustomizer.class)
	static class ValidationClock {

		@Bean
		ValidationConfigurationCustomizer validationUsesTheServiceClock(Clock clock) {
			return configuration -> configuration.clockProvider(() -> clock);
		}

	}

}
