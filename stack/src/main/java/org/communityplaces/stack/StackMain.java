package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Runs the whole system on this machine until Ctrl-C, from the project root after a build.
 * Data is kept under {@code ./data}, so a second start carries on where the first stopped.
 * Ports and the data folder can be changed with system properties (see {@link StackSettings#from}).
 */
public final class StackMain {

	private StackMain() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
		StackSettings settings;
		try {
			settings = StackSettings.from(root, System.getProperties());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		System.out.println("Starting Kafka, the MongoDB-wire store, SMTP and four services (data in "
				+ settings.dataDirectory() + ") ...");
		EmbeddedStack stack = EmbeddedStack.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping every process the stack started ...");
			stack.close();
			stopped.countDown();
		}, "stack-shutdown"));
		System.out.println("""

				Community place referrals is running.
				  Gateway (use this)     %s
				  places-service         %s
				  referral-service       %s
				  notification-service   %s
				  Kafka bootstrap        %s
				  MongoDB wire protocol  %s
				  SMTP (GreenMail)       127.0.0.1:%d
				  Service logs           %s

				Sign in at %s/sign-in.html, or with HTTP Basic, as a demo user:
				  sam / referrals-demo       referrer at Hillsborough Surgery (C88001)
				  pat / hosting-demo         host of The Red Lion community table
				  chris / commissioning-demo commissioner
				  ada / admin-demo           admin
				  e.g. curl -u sam:referrals-demo %s/api/referrals
				API documentation: %s/swagger-ui.html
				Press Ctrl-C to stop.
				""".formatted(stack.gatewayUrl(), StackSettings.url(settings.placesPort()),
				StackSettings.url(settings.referralPort()), StackSettings.url(settings.notificationPort()),
				settings.kafkaBootstrap(), settings.mongoUri(""), settings.smtpPort(),
				settings.dataDirectory().resolve("logs"), stack.gatewayUrl(), stack.gatewayUrl(), stack.gatewayUrl()));
		printDeliveredEmails(stack.mail());
		stopped.await();
	}

	/**
	 * Shows each e-mail the SMTP server takes, so that someone trying the journey by hand sees
	 * the alerts arrive. E-mails name only the host's or referrer's work address and a place.
	 */
	private static void printDeliveredEmails(GreenMail mail) {
		AtomicInteger printed = new AtomicInteger();
		ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "delivered-emails");
			thread.setDaemon(true);
			return thread;
		});
		printer.scheduleWithFixedDelay(() -> {
			MimeMessage[] received = mail.getReceivedMessages();
			for (int i = printed.get(); i < received.length; i++) {
				System.out.println("E-mail delivered to " + recipients(received[i]) + ": " + subject(received[i]));
			}
			printed.set(received.length);
		}, 1, 1, TimeUnit.SECONDS);
	}

	private static String recipients(MimeMessage message) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).collect(Collectors.joining(", "));
		}
		catch (MessagingException ex) {
			return "(unreadable recipients)";
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "(unreadable subject)";
		}
	}

}
