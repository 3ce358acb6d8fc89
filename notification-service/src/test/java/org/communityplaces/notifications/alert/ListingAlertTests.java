package org.communityplaces.notifications.alert;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.notifications.delivery.Notification;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue's requests reach people: a host asked whether their listing is still right gets
 * an e-mail whose link opens the page that confirms it, and one to change it; a report that a
 * listing is out of date reaches its host and the directory team, in the contract's words only.
 */
class ListingAlertTests extends NotificationServiceTest {

	private static final String DIRECTORY_TEAM = "directory@council.example.org";

	@Test
	void aHostAskedToCheckTheirListingGetsALinkThatConfirmsItAndOneToChangeIt() throws Exception {
		String due = placeEvent("PlaceReviewDue");

		kafka.send("place-events", "demo-red-lion", due).join();

		MimeMessage email = awaitEmailsTo(HOST, 1).get(0);
		assertThat(email.getSubject()).isEqualTo("Is your listing for The Red Lion community table still right?");
		String text = textOf(email);
		assertThat(text).contains("It was last checked on 20 May 2026.",
				"Yes, still right: https://portal.example.org/confirm-listing.html?place=demo-red-lion#token="
						+ "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vLXJlZC1saW9uIn0.c2lnbmF0dXJl",
				"Change it: https://portal.example.org/places.html");
		assertThat(htmlOf(email)).contains(">Yes, still right</a>", ">Change it</a>");
		assertThat(emailsTo(DIRECTORY_TEAM)).isEmpty();
	}

	@Test
	void aReportReachesTheHostAndTheDirectoryTeamInTheContractsWords() throws Exception {
		kafka.send("place-events", "demo-red-lion", placeEvent("PlaceReported")).join();

		MimeMessage toHost = awaitEmailsTo(HOST, 1).get(0);
		MimeMessage toTeam = awaitEmailsTo(DIRECTORY_TEAM, 1).get(0);
		assertThat(toHost.getSubject()).isEqualTo("Someone says the listing for The Red Lion community table is out of date");
		assertThat(textOf(toHost)).contains(
				"Someone using the directory says the listing for The Red Lion community table is out of date: "
						+ "the days or times are wrong.",
				"Check the listing: https://portal.example.org/place.html?id=demo-red-lion");
		assertThat(textOf(toTeam)).contains("See the listings to check: https://portal.example.org/listings.html");
		assertThat(mongo.find(new Query(), Notification.class)).extracting(n -> n.recipient().role())
			.containsExactlyInAnyOrder("host", "admin");
	}

	@Test
	void changesToPlacesAlertNobody() {
		kafka.send("place-events", "demo-red-lion", placeEvent("PlaceChanged")).join();
		kafka.send("place-events", "demo-red-lion", placeEvent("PlaceRemoved")).join();
		String due = placeEvent("PlaceReviewDue");
		kafka.send("place-events", "demo-red-lion", due).join();

		awaitEmailsTo(HOST, 1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> mongo.count(new Query(), Notification.class) == 1);
		// Read before the review (one key, one partition) and taken for what they are, not parked as broken
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> mongo.count(new Query(), "dead_letters") == 0);
	}

	private static String placeEvent(String type) {
		return contract.examples(type).get(0).replaceFirst("\"eventId\":\"[^\"]+\"",
				"\"eventId\":\"" + UUID.randomUUID() + "\"");
	}

	private static String textOf(Part part) throws Exception {
		return partOf(part, "text/plain");
	}

	private static String htmlOf(Part part) throws Exception {
		return partOf(part, "text/html");
	}

	/** The part of this type, however deep the multiparts nest. */
	private static String partOf(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = partOf(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
