package org.communityplaces.notifications.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment's Notify settings: off without a key, and a wrong key or template stops the start with a clear reason. */
class NotifySettingsTests {

	@Test
	void withoutAKeyNothingGoesThroughNotify() {
		NotifySettings off = new NotifySettings("", null, "", " ", null);
		assertThat(off.sendsEmail()).isFalse();
		assertThat(off.sendsTextMessages()).isFalse();
	}

	@Test
	void theKeyGivesTheServiceIdAndTheSecretAndIsNeverPrinted() {
		NotifySettings on = new NotifySettings(NotifyStandIn.API_KEY, null, NotifyStandIn.EMAIL_TEMPLATE, null, null);
		assertThat(on.serviceId()).isEqualTo(NotifyStandIn.SERVICE_ID);
		assertThat(on.secret()).isEqualTo(NotifyStandIn.SECRET);
		assertThat(on.sendsEmail()).isTrue();
		assertThat(on.sendsTextMessages()).isFalse();
		assertThat(on.toString()).doesNotContain(NotifyStandIn.SECRET);
	}

	@Test
	void aWrongKeyOrTemplateIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new NotifySettings("not-a-key", null, null, null, null))
			.hasMessageContaining("NOTIFY_API_KEY");
		assertThatThrownBy(() -> new NotifySettings(NotifyStandIn.API_KEY, null, "template", null, null))
			.hasMessageContaining("email-template-id");
		assertThatThrownBy(() -> new NotifySettings(null, null, null, NotifyStandIn.TEXT_TEMPLATE, null))
			.hasMessageContaining("api-key");
	}

}
