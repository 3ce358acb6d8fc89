package org.communityplaces.platform.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit trail of a service that holds records people may only see on need-to-know:
 * switched on by naming where admins read it, {@code platform.audit.path}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty("platform.audit.path")
@Import(AuditController.class)
public class AuditAutoConfiguration {

	@Bean
	AuditLog auditLog(MongoTemplate mongo, Clock clock) {
		return new AuditLog(mongo, clock);
	}

}
