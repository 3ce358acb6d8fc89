package org.communityplaces.notifications.preference;

import java.util.Locale;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Each recipient's choice of channel; someone who never chose gets an e-mail for each alert. */
@Component
public class Preferences {

	private final MongoTemplate mongo;

	Preferences(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Preference of(String recipient) {
		String key = recipient.toLowerCase(Locale.ROOT);
		Preference chosen = mongo.findById(key, Preference.class);
		return chosen != null ? chosen : Preference.defaultFor(key);
	}

	void save(Preference preference) {
		mongo.save(preference);
	}

}
