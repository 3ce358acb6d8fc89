package org.communityplaces.notifications.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.communityplaces.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in, alerts out: to the right people, once, over their channel, through outages. */
class DeliveryTests extends NotificationServiceTest {

	@Autowired
	Digests digests;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Test
	void everyExampleOfTheContractAlertsThePeopleItConcernsInPlainEnglish() throws Exception {
		Map<String, List<String>> told = Map.of("ReferralRequested", List.of(HOST), "ReferralReminderDue", List.of(HOST),
				"ReferralCancelled", List.of(HOST), "ReferralExpired", List.of(HOST, REFERRER), "ReferralAccepted",
				List.of(REFERRER), "ReferralRejected", List.of(REFERRER), "AttendanceRecorded", List.of(REFERRER),
				"ReferralCompleted", List.of(REFERRER), "ReferralFailed", List.of(REFERRER), "OutcomeRecorded", List.of());
		told.keySet().forEach(type -> publish(event(type)));
		long hostAlerts = told.values().stream().filter(people -> people.contains(HOST)).count();
		long referrerAlerts = told.values().stream().filter(people -> people.contains(REFERRER)).count();
		awaitEmailsTo(HOST, (int) hostAlerts);
		awaitEmailsTo(REFERRER, (int) referrerAlerts);

		MimeMessage newReferral = emailsTo(HOST).stream()
			.filter(email -> subject(email).equals("New referral for The Red Lion community table"))
			.findFirst()
			.orElseThrow();
		String text = part(newReferral, "text/plain");
		String html = part(newReferral, "text/html");
		assertThat(text).contains("Someone has been referred to The Red Lion community table",
				"Please accept or decline by Sunday 29 November at 10:02am",
				"Open the partner portal: https://portal.example.org/referrals/");
		assertThat(html).contains("<html lang=\"en-GB\">", "<h1", "Open the partner portal</a>");
		assertThat(emailsTo(REFERRER)).extracting(DeliveryTests::subject)
			.contains("The Red Lion community table could not take your referral",
					"Your referral to The Red Lion community table was not answered in time");
		MimeMessage rejected = emailsTo(REFERRER).stream()
			.filter(email -> subject(email).equals("The Red Lion community table could not take your referral"))
			.findFirst()
			.orElseThrow();
		assertThat(part(rejected, "text/plain")).as("the reason as the contract's vocabulary names it")
			.contains("The Red Lion community table could not take your referral: no space at the moment.");
		assertThat(mongo.count(new Query(), Notification.class)).isEqualTo(hostAlerts + referrerAlerts);
	}

	@Test
	void anEventDeliveredTwiceSendsOneEmail() {
		String requested = event("ReferralRequested");
		publish(requested);
		publish(requested);
		// One partition keeps order: once this later event is handled, so are both copies before it.
		publish(event("ReferralAccepted"));
		awaitEmailsTo(REFERRER, 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(HOST).size() >= 1);
		assertThat(emailsTo(HOST)).hasSize(1);
		assertThat(mongo.count(new Query(), Notification.class)).isEqualTo(2);
	}

	@Test
	void aMailServerOutageDelaysAlertsButLosesNone() {
		double retriedBefore = count("notifications.retried");
		smtp.stop();
		publish(event("ReferralRequested"));
		publish(event("ReferralAccepted"));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("notifications.retried") >= retriedBefore + 4);
		assertThat(mongo.findAll(Notification.class)).allSatisfy(notification -> {
			assertThat(notification.delivery().status()).isEqualTo(Notification.Status.PENDING);
			assertThat(notification.delivery().lastError()).isNotBlank();
		});

		smtp.start();
		awaitEmailsTo(HOST, 1);
		awaitEmailsTo(REFERRER, 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> mongo.findAll(Notification.class)
				.stream()
				.allMatch(notification -> notification.delivery().status() == Notification.Status.SENT));
		assertThat(emailsTo(HOST)).hasSize(1);
		assertThat(meters.find("notifications.delivery.latency").tag("channel", "email").timer()).isNotNull();
	}

	@Test
	void alertsAreSentOnTheDeliveryThreadsThatSpringManagesAndMicrometerMeasures() {
		publish(event("ReferralAccepted"));
		awaitEmailsTo(REFERRER, 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> meters.find("executor.completed").tag("name", "emailDeliveryExecutor").functionCounter(),
					completed -> completed != null && completed.count() >= 1);
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.anyMatch(name -> name.startsWith("notification-email-"));
		assertThat(context.containsBean("applicationTaskExecutor")).as("Spring Boot's own executor stays").isTrue();
	}

	@Test
	void theInboxHoldsEveryAlertWithItsUnreadCountAndNothingOfAnyoneElses() {
		assertThat(choose("host", HOST, "{\"channel\": \"inbox\"}")).hasStatusOk();
		publish(event("ReferralRequested"));
		publish(event("ReferralReminderDue"));
		publish(event("ReferralAccepted"));
		awaitEmailsTo(REFERRER, 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(new Query(), Notification.class) == 3);
		assertThat(emailsTo(HOST)).as("inbox only: nothing sent").isEmpty();

		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/inbox/unread-count"))).bodyJson()
			.extractingPath("$.unread")
			.isEqualTo(2);
		MvcTestResult inbox = as("host", HOST, mvc.get().uri("/api/notifications/inbox"));
		assertThat(inbox).bodyJson().extractingPath("$[*].type").asArray()
			.containsExactlyInAnyOrder("ReferralRequested", "ReferralReminderDue");
		String id = mongo.findAll(Notification.class)
			.stream()
			.filter(notification -> notification.recipient().email().equals(HOST))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(as("host", HOST, mvc.post().uri("/api/notifications/inbox/{id}/read", id))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.unread")
			.isEqualTo(1);
		assertThat(as("referrer", REFERRER, mvc.post().uri("/api/notifications/inbox/{id}/read", id))).hasStatus(404);
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/inbox?unread=true"))).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(1);
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications?referralId=x"))).hasStatus(403);
	}

	@Test
	void theDigestSendsOneEmailADayListingTheAlerts() {
		assertThat(choose("host", HOST, "{\"channel\": \"digest\", \"email\": \"team@redlion.example.org\"}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.email")
			.isEqualTo("team@redlion.example.org");
		publish(event("ReferralRequested"));
		publish(event("ReferralCancelled"));
		await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), Notification.class) == 2);
		assertThat(smtp.getReceivedMessages()).isEmpty();

		digests.sendDigests();
		List<MimeMessage> digest = awaitEmailsTo("team@redlion.example.org", 1);
		assertThat(subject(digest.get(0))).isEqualTo("Your referral alerts: 2 updates");
		digests.sendDigests();
		assertThat(emailsTo("team@redlion.example.org")).hasSize(1);
	}

	@Test
	void badPreferencesAreRefusedWithTheFieldNamed() {
		assertThat(choose("host", HOST, "{\"channel\": \"pigeon\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("channel");
		assertThat(choose("host", HOST, "{\"channel\": \"email\", \"email\": \"not-an-address\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("email");
		assertThat(choose("host", HOST, "{\"channel\": \"webhook\"}")).hasStatus(400);
		assertThat(choose("host", HOST, "{\"channel\": \"text\", \"phone\": \"07700 900123\"}"))
			.as("text messages only where the deployment has GOV.UK Notify")
			.hasStatus(422)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("channel");
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/preferences"))).bodyJson()
			.extractingPath("$.channels[*].code")
			.asArray()
			.containsExactly("email", "digest", "webhook", "inbox");
		assertThat(choose("commissioner", "c@council.example.org", "{\"channel\": \"email\"}")).hasStatus(403);
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/preferences"))).bodyJson()
			.extractingPath("$.channel")
			.isEqualTo("email");
	}

	private double count(String name) {
		return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
	}

	/** The text of the first part of this type, however deep the multiparts nest. */
	private static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String subject(MimeMessage email) {
		try {
			return email.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
