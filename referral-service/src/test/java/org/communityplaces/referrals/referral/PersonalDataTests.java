package org.communityplaces.referrals.referral;

import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral's whole life, and what leaves the service along the way: events, log lines and
 * metric labels carry no notes, NHS number, surname or contact details, and no ids as labels.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests extends ReferralServiceTest {

	private static final List<String> PERSONAL = List.of("9434765919", "943 476 5919", NOTES, "Husband", "Brown",
			"0114 496 0000", "Edith");

	@Autowired
	MeterRegistry meters;

	@Test
	void eventsLogsAndMetricsCarryNoPersonalData(CapturedOutput output) {
		String declined = referred(PlacesCatalogueStandIn.RED_LION);
		post(LANDLORD, "/api/referrals/" + declined + "/reject", "{\"reason\": \"other\", \"text\": \"Edith Brown is barred\"}");
		String id = idOf(post(LINK_WORKER, "/api/referrals/" + declined + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}"));
		post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"baseline\", \"uclaLoneliness\": 9}");
		post(OTHER_HOST, "/api/referrals/" + id + "/accept");
		post(OTHER_HOST, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"follow-up\", \"uclaLoneliness\": 6}");
		post(OTHER_HOST, "/api/referrals/" + id + "/complete");
		get(LANDLORD, "/api/referrals/" + id);

		List<ConsumerRecord<String, String>> events = Stream.concat(eventsOf(declined, 2).stream(), eventsOf(id, 6).stream())
			.toList();
		assertThat(events).extracting(record -> record.value().substring(record.value().indexOf("\"type\"")))
			.allSatisfy(event -> assertThat(event).doesNotContain(PERSONAL).doesNotContain("barred", "uclaLoneliness"));
		assertThat(output.getAll()).doesNotContain(PERSONAL).doesNotContain("barred");

		for (Meter meter : meters.getMeters()) {
			if (meter.getId().getName().startsWith("referrals.")) {
				assertThat(meter.getId().getTags()).extracting(Tag::getKey)
					.allSatisfy(key -> assertThat(key).isIn("status", "place_kind", "area", "reason", "decision", "measure",
							"timepoint", "direction", "application"));
				assertThat(meter.getId().getTags()).extracting(Tag::getValue)
					.noneMatch(value -> value.equals(id) || value.equals(declined) || value.contains("@"));
			}
		}
		assertThat(meters.find("referrals.decision.time").tag("decision", "rejected").timers()).isNotEmpty();
		assertThat(meters.find("referrals.first.attendance.time").timers()).isNotEmpty();
		assertThat(meters.find("referrals.transitions").tag("status", "completed").tag("place_kind", "shop")
			.tag("area", "S").counters()).isNotEmpty();
	}

}
