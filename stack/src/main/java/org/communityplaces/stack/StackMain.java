package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole system on this machine until Ctrl-C. Data is kept under {@code ./data}, so a
 * second start carries on where the first stopped.
 */
public final class StackMain {

	private StackMain() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(System.getProperty("stack.root", ".")).toAbsolutePath().normalize();
		StackSettings settings = StackSettings.defaults(root);
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
				Press Ctrl-C to stop.
				""".formatted(stack.gatewayUrl(), StackSettings.url(settings.placesPort()),
				StackSettings.url(settings.referralPort()), StackSettings.url(settings.notificationPort()),
				settings.kafkaBootstrap(), settings.mongoUri(""), settings.smtpPort(),
				settings.dataDirectory().resolve("logs")));
		stopped.await();
	}

}
