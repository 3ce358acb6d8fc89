package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
		System.out.println("Starting Kafka (" + settings.brokers() + " broker(s)), the MongoDB-wire store, SMTP and "
				+ settings.instances() + " instance(s) of each of four services (data in " + settings.dataDirectory()
				+ ") ...");
		EmbeddedStack stack = EmbeddedStack.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping every process the stack started ...");
			stack.close();
			stopped.countDown();
		}, "stack-shutdown"));
		System.out.println("""

				Community place referrals is running%s.
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
				""".formatted(settings.instances() == 1 ? ""
				: " (" + settings.instances() + " instances of each service: the n-th, from 0, "
						+ StackSettings.INSTANCE_PORT_STEP + "·n ports above the first's listed here)",
				stack.gatewayUrl(), StackSettings.url(settings.placesPort()),
				StackSettings.url(settings.referralPort()), StackSettings.url(settings.notificationPort()),
				settings.kafkaBootstrap(), settings.mongoUri(""), settings.smtpPort(),
				settings.dataDirectory().resolve("logs"), stack.gatewayUrl(), stack.gatewayUrl(), stack.gatewayUrl()));
		DeliveredEmails.tellOfEachAndForget(stack.mail(), System.out::println);
		stopped.await();
	}

}
