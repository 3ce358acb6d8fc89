package org.communityplaces.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Each scheduled job of a service runs on one of its instances at a time: a method marked
 * {@code @SchedulerLock(name = ...)} beside its {@code @Scheduled} first takes the lock of that
 * name in the {@code shedLock} collection of the service's own MongoDB database, and an
 * instance that finds it taken skips that run. The lock is one conditional upsert on the
 * lock's {@code _id} (no transaction), so it holds on a replica set and on the embedded store.
 * <p>
 * A lock is held for the job's run, and at most for its {@code lockAtMostFor} (by default
 * {@code scheduling.lock.default-lock-at-most-for}): the time after which an instance that
 * died mid-run no longer keeps the others from the job.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({ MongoDatabaseFactory.class, MongoLockProvider.class })
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${scheduling.lock.default-lock-at-most-for:10m}")
public class SchedulerLockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LockProvider lockProvider(MongoDatabaseFactory store) {
		return new MongoLockProvider(store.getMongoDatabase());
	}

}
