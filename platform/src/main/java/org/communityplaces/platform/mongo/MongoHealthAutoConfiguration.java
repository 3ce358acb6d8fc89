package org.communityplaces.platform.mongo;

import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces Boot's MongoDB health check, which needs the {@code hello} command. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ MongoClient.class, MongoHealthContributorAutoConfiguration.class })
public class MongoHealthAutoConfiguration {

	@Bean(name = "mongoHealthIndicator")
	@ConditionalOnBean(MongoClient.class)
	MongoPingHealthIndicator mongoHealthIndicator(MongoClient mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
