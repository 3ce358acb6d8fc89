package org.communityplaces.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.notify.GovUkNotify;
import org.communityplaces.notifications.preference.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one store: each alert and each recipient's digest sent once,
 * and an e-mail sent again after a crash recognisably the same message.
 */
class SeveralInstancesTests extends NotificationServiceTest {

	private static final ZoneId DIGEST_ZONE = ZoneId.of("Europe/London");

	private static final String HOST_TEAM = "team@redlion.example.org";

	private static final String REFERRER_TEAM = "referrals@surgery.example.org";

	@Autowired
	Notifications notifications;

	@Autowired
	DigestClaims claims;

	@Autowired
	Mailer mailer;

	@Autowired
	MailTemplates templates;

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebhookSender webhooks;

	@Autowired
	GovUkNotify notify;

	/**
	 * As when a rebalance hands a backlog to both instances at once: each raises its own share
	 * of alerts to one host, and both work through that address together, each taking the oldest
	 * due, so they race for the same alert again and again.
	 */
	@Test
	void twoInstancesWorkingThroughABacklogToOneAddressSendEachAlertOnce() {
		DeliveryExecutorConfiguration lanes = new DeliveryExecutorConfiguration();
		ThreadPoolTaskExecutorBuilder threads = new ThreadPoolTaskExecutorBuilder();
		List<ThreadPoolTaskExecutor> otherThreads = List.of(lanes.emailDeliveryExecutor(threads),
				lanes.textDeliveryExecutor(threads), lanes.webhookDeliveryExecutor(threads));
		otherThreads.forEach(ThreadPoolTaskExecutor::initialize);
		Deliveries otherInstance = new Deliveries(notifications, mailer, webhooks, notify, clock, meters,
				otherThreads.get(0), otherThreads.get(1), otherThreads.get(2), Duration.ofMillis(100),
				Duration.ofMillis(400), 150);
		List<Notification> backlog = IntStream.range(0, 80).mapToObj(alert -> dueEmailTo(HOST)).toList();
		try {
			CountDownLatch together = new CountDownLatch(1);
			CompletableFuture<Void> thisInstance = CompletableFuture.runAsync(() -> {
				awaitQuietly(together);
				backlog.subList(0, 40).forEach(alert -> notifications.raise(List.of(alert)));
			});
			CompletableFuture<Void> thatInstance = CompletableFuture.runAsync(() -> {
				awaitQuietly(together);
				backlog.subList(40, 80).forEach(alert -> {
					mongo.insert(alert);
					otherInstance.created(new NotificationsCreated(List.of(alert)));
				});
			});
			together.countDown();
			thisInstance.join();
			thatInstance.join();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
				otherInstance.sweep();
				return mongo.findAll(Notification.class)
					.stream()
					.allMatch(alert -> alert.delivery().status() == Notification.Status.SENT);
			});
		}
		finally {
			otherThreads.forEach(ThreadPoolTaskExecutor::shutdown);
		}

		assertThat(emailsTo(HOST)).extracting(SeveralInstancesTests::messageId)
			.hasSize(80)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(backlog.stream()
				.map(alert -> "<" + alert.id().replace(":", "=3A") + "@communityplaces.example.org>")
				.toList());
		assertThat(mongo.findAll(Notification.class))
			.allSatisfy(alert -> assertThat(alert.delivery().attempts()).isZero());
	}

	/** Two instances' digest jobs as they run when the job lock was lost or expired mid-run. */
	@Test
	void twoInstancesRunningTheDigestAtOnceSendEachRecipientOneADay() {
		chooseDigests();
		Digests oneInstance = digestJob();
		Digests otherInstance = digestJob();

		CountDownLatch together = new CountDownLatch(1);
		List<CompletableFuture<Void>> runs = IntStream.range(0, 4)
			.mapToObj(run -> CompletableFuture.runAsync(() -> {
				awaitQuietly(together);
				(run % 2 == 0 ? oneInstance : otherInstance).sendDigests();
			}))
			.toList();
		together.countDown();
		runs.forEach(CompletableFuture::join);

		assertThat(emailsTo(HOST_TEAM)).hasSize(1);
		assertThat(emailsTo(REFERRER_TEAM)).hasSize(1);
		assertThat(subject(emailsTo(HOST_TEAM).get(0))).isEqualTo("Your referral alerts: 2 updates");
		assertThat(messageId(emailsTo(HOST_TEAM).get(0)))
			.isEqualTo("<" + DigestClaims.keyOf(today(), HOST_TEAM) + "@communityplaces.example.org>")
			.doesNotContain("redlion");
		assertThat(mongo.findAll(Notification.class))
			.allSatisfy(alert -> assertThat(alert.delivery().status()).isEqualTo(Notification.Status.SENT));
	}

	@Test
	void aDigestClaimedByAnInstanceThatDiedIsSentByAnotherOnceTheClaimHasExpiredAndOnlyThen() {
		chooseDigests();
		Digests digests = digestJob();
		String hostKey = DigestClaims.keyOf(today(), HOST_TEAM);
		assertThat(claims.claim(hostKey, today(), clock.instant(), clock.instant().plus(Duration.ofMinutes(10))))
			.as("the instance that then dies")
			.isTrue();

		digests.sendDigests();
		assertThat(emailsTo(REFERRER_TEAM)).hasSize(1);
		assertThat(emailsTo(HOST_TEAM)).as("claimed by an instance that may still be sending it").isEmpty();

		mongo.updateFirst(Query.query(Criteria.where("_id").is(hostKey)),
				new Update().set("claimedUntil", clock.instant().minusSeconds(1)), "digest_claims");
		digests.sendDigests();
		digests.sendDigests();
		assertThat(emailsTo(HOST_TEAM)).hasSize(1);
		assertThat(emailsTo(REFERRER_TEAM)).hasSize(1);
	}

	@Test
	void anEmailSentAgainAfterACrashBeforeItWasRecordedSentHasTheSameMessageId() {
		publish(event("ReferralAccepted"));
		MimeMessage first = awaitEmailsTo(REFERRER, 1).get(0);
		Notification alert = await().atMost(Duration.ofSeconds(10))
			.until(() -> mongo.findAll(Notification.class).get(0),
					stored -> stored.delivery().status() == Notification.Status.SENT);

		// As the store stands when an instance dies between the mail server taking it and recording it sent
		mongo.updateFirst(Query.query(Criteria.where("_id").is(alert.id())),
				new Update().set("delivery.status", Notification.Status.PENDING)
					.set("delivery.nextAttemptAt", clock.instant()),
				Notification.class);
		List<MimeMessage> both = awaitEmailsTo(REFERRER, 2);

		assertThat(messageId(first)).isEqualTo("<" + alert.id().replace(":", "=3A") + "@communityplaces.example.org>");
		assertThat(both).extracting(SeveralInstancesTests::messageId).containsOnly(messageId(first)).hasSize(2);
	}

	/** Two recipients on the digest, with two alerts for the host and one for the referrer waiting. */
	private void chooseDigests() {
		assertThat(choose("host", HOST, "{\"channel\": \"digest\", \"email\": \"" + HOST_TEAM + "\"}")).hasStatusOk();
		assertThat(choose("referrer", REFERRER, "{\"channel\": \"digest\", \"email\": \"" + REFERRER_TEAM + "\"}"))
			.hasStatusOk();
		publish(event("ReferralRequested"));
		publish(event("ReferralCancelled"));
		publish(event("ReferralAccepted"));
		await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), Notification.class) == 3);
	}

	/** An instance's digest job without the job lock, as when the lock is lost. */
	private Digests digestJob() {
		return new Digests(notifications, claims, mailer, templates, clock, meters, "https://portal.example.org",
				DIGEST_ZONE);
	}

	/** An alert to the host due at once, as raised from one event. */
	private Notification dueEmailTo(String address) {
		Instant now = clock.instant();
		return Notification.of(new Notification.Event(UUID.randomUUID().toString(), "ReferralRequested", "r-1"),
				new Notification.Recipient("host", address),
				new Notification.Message("New referral for The Red Lion community table", "Someone has been referred.",
						"<p>Someone has been referred.</p>", null, null),
				Channel.EMAIL, address, now, now);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), DIGEST_ZONE);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String messageId(MimeMessage email) {
		try {
			return email.getHeader("Message-ID")[0];
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
