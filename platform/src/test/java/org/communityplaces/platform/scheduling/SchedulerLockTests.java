package org.communityplaces.platform.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one service on one MongoDB database (the embedded wire server), each
 * scheduling the same job at the start of every second, as two replicas both schedule the
 * daily digest for 17:00: the lock lets one of them run it each time, never both.
 */
class SchedulerLockTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoInstances() {
		first = instance("first");
		second = instance("second");
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	@Test
	void aJobBothInstancesScheduleRunsOnOneOfThemEachTime() {
		MongoTemplate mongo = first.getBean(MongoTemplate.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), RUNS) >= 4);

		List<Instant> runs = mongo.find(new Query().with(Sort.by("at")), Document.class, RUNS)
			.stream()
			.map(run -> run.getDate("at").toInstant())
			.toList();
		for (int i = 1; i < runs.size(); i++) {
			assertThat(Duration.between(runs.get(i - 1), runs.get(i)))
				.as("the gap between two runs: both instances start the job within milliseconds of each other")
				.isGreaterThan(Duration.ofMillis(400));
		}
		assertThat(mongo.findById("tick", Document.class, "shedLock")).as("the lock, in the service's own database")
			.containsKeys("lockUntil", "lockedAt", "lockedBy");
	}

	@Test
	void aLockHeldByOneInstanceIsRefusedToTheOtherUntilItIsLetGoOrOutlivesItsLongestRun() {
		LockProvider one = first.getBean(LockProvider.class);
		LockProvider other = second.getBean(LockProvider.class);

		Optional<SimpleLock> held = one.lock(lock("report", Duration.ofMinutes(5)));
		assertThat(held).isPresent();
		assertThat(other.lock(lock("report", Duration.ofMinutes(5)))).isEmpty();
		held.get().unlock();
		Optional<SimpleLock> taken = other.lock(lock("report", Duration.ofMinutes(5)));
		assertThat(taken).isPresent();
		taken.get().unlock();

		assertThat(one.lock(lock("import", Duration.ofMillis(300)))).as("an instance that dies holding it").isPresent();
		assertThat(other.lock(lock("import", Duration.ofMinutes(5)))).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> other.lock(lock("import", Duration.ofMinutes(5))).isPresent());
	}

	private static LockConfiguration lock(String name, Duration atMostFor) {
		return new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO);
	}

	private static final String RUNS = "runs";

	private static ConfigurableApplicationContext instance(String name) {
		return new SpringApplicationBuilder(Instance.class).web(WebApplicationType.NONE)
			.run("--spring.mongodb.uri=" + MongoWireTestServer.databaseUri(SchedulerLockTests.class),
					"--spring.application.name=scheduled-service", "--instance=" + name);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	static class Instance {

		@Bean
		Ticks ticks(MongoTemplate mongo, @Value("${instance}") String instance) {
			return new Ticks(mongo, instance);
		}

	}

	/** A job scheduled on every instance, package-private as the services' jobs are. */
	static class Ticks {

		private final MongoTemplate mongo;

		private final String instance;

		Ticks(MongoTemplate mongo, String instance) {
			this.mongo = mongo;
			this.instance = instance;
		}

		@Scheduled(cron = "* * * * * *")
		@SchedulerLock(name = "tick", lockAtLeastFor = "500ms")
		void tick() {
			mongo.insert(new Document("instance", instance).append("at", Date.from(Instant.now())), RUNS);
		}

	}

}
