package org.communityplaces.stack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the launcher prints of the alerts it delivers: each once, in the order they came. */
class DeliveredEmailsTests {

	private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private final List<String> told = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() {
		mail.start();
		DeliveredEmails.tellOfEach(mail, told::add);
	}

	@AfterEach
	void stop() {
		mail.stop();
	}

	@Test
	void eachEmailIsToldOnceInTheOrderItArrivedWhicheverMailboxItWentTo() {
		send("pat@redlion.example.org", "A referral for The Red Lion");
		send("sam@surgery.example.org", "The Red Lion accepted");
		send("pat@redlion.example.org", "A reminder from The Red Lion's inbox");

		await().until(() -> told.size() == 3);
		assertThat(told).containsExactly("E-mail delivered to pat@redlion.example.org: A referral for The Red Lion",
				"E-mail delivered to sam@surgery.example.org: The Red Lion accepted",
				"E-mail delivered to pat@redlion.example.org: A reminder from The Red Lion's inbox");
	}

	@Test
	void toldEmailsAreForgottenSoNoneStaysInMemory() {
		send("pat@redlion.example.org", "A referral for The Red Lion");
		await().until(() -> mail.getReceivedMessages().length == 1);

		DeliveredEmails.forget(mail);

		assertThat(mail.getReceivedMessages()).isEmpty();
		send("sam@surgery.example.org", "The Red Lion accepted");
		await().until(() -> told.size() == 2);
		assertThat(told.get(1)).endsWith("The Red Lion accepted");
	}

	private void send(String to, String subject) {
		ServerSetup smtp = ServerSetupTest.SMTP.withPort(mail.getSmtp().getPort());
		GreenMailUtil.sendTextEmail(to, "alerts@communityplaces.example.org", subject, "Open the referral.", smtp);
	}

}
