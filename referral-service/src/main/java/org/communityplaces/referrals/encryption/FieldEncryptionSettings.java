package org.communityplaces.referrals.encryption;

import java.util.Base64;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonString;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key that protects the referrals' data key comes from.
 *
 * @param kmsProvider {@code local} (a key given here) or a MongoDB KMS provider ({@code aws},
 * {@code azure}, {@code gcp}, {@code kmip}) whose credentials are in {@code kms}
 * @param localMasterKey the local master key, 96 bytes in Base64, from the environment only
 * @param kms the KMS provider's credentials, as the MongoDB driver names them (for AWS:
 * {@code accessKeyId}, {@code secretAccessKey})
 * @param masterKey which key of the KMS wraps the data key (for AWS: {@code region}, {@code key})
 * @param keyAltName the name the data key is found by in the key vault
 */
@ConfigurationProperties("referrals.encryption")
record FieldEncryptionSettings(String kmsProvider, String localMasterKey, Map<String, String> kms,
		Map<String, String> masterKey, String keyAltName) {

	static final String LOCAL = "local";

	private static final int LOCAL_KEY_BYTES = 96;

	FieldEncryptionSettings {
		kmsProvider = kmsProvider == null || kmsProvider.isBlank() ? LOCAL : kmsProvider;
		kms = kms == null ? Map.of() : Map.copyOf(kms);
		masterKey = masterKey == null ? Map.of() : Map.copyOf(masterKey);
		keyAltName = keyAltName == null || keyAltName.isBlank() ? "referrals-personal-data" : keyAltName;
	}

	/** The driver's {@code kmsProviders}: the one provider configured, and its credentials. */
	Map<String, Map<String, Object>> kmsProviders() {
		if (!LOCAL.equals(kmsProvider)) {
			return Map.of(kmsProvider, Map.copyOf(kms));
		}
		if (localMasterKey == null || localMasterKey.isBlank()) {
			throw new IllegalStateException("referrals.encryption.local-master-key (REFERRALS_MASTER_KEY) is not set: "
					+ "give 96 random bytes in Base64, for example from `openssl rand -base64 96`, and keep them "
					+ "with the database's backups but never in it. Without the same key, stored referrals cannot be read.");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(localMasterKey.strip());
		}
		catch (IllegalArgumentException notBase64) {
			throw new IllegalStateException("referrals.encryption.local-master-key is not Base64");
		}
		if (key.length != LOCAL_KEY_BYTES) {
			throw new IllegalStateException("referrals.encryption.local-master-key must be " + LOCAL_KEY_BYTES
					+ " bytes; it is " + key.length);
		}
		return Map.of(LOCAL, Map.of("key", key));
	}

	/** Which KMS key wraps a new data key; a local master key needs none. */
	BsonDocument masterKeyDocument() {
		BsonDocument document = new BsonDocument();
		masterKey.forEach((name, value) -> document.append(name, new BsonString(value)));
		return document;
	}

}
