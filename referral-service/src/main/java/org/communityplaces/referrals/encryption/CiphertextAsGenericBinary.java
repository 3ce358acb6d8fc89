package org.communityplaces.referrals.encryption;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonValue;

import org.springframework.data.mongodb.core.encryption.Encryption;
import org.springframework.data.mongodb.core.encryption.EncryptionOptions;

/**
 * The driver's encryption, with its ciphertext stored as a generic binary rather than MongoDB's
 * "encrypted" binary subtype. The embedded store (mongo-java-server) refuses that subtype, and a
 * store that holds plain binaries treats both alike: the bytes, the equality of deterministic
 * ciphertext and the key id inside them are the same, and the subtype is restored before
 * decrypting. One stored form works on both stores, and on real MongoDB a backup restored to the
 * embedded one.
 */
final class CiphertextAsGenericBinary implements Encryption<BsonValue, BsonBinary> {

	private final Encryption<BsonValue, BsonBinary> driver;

	CiphertextAsGenericBinary(Encryption<BsonValue, BsonBinary> driver) {
		this.driver = driver;
	}

	@Override
	public BsonBinary encrypt(BsonValue value, EncryptionOptions options) {
		return new BsonBinary(BsonBinarySubType.BINARY, driver.encrypt(value, options).getData());
	}

	@Override
	public BsonValue decrypt(BsonBinary stored) {
		return driver.decrypt(new BsonBinary(BsonBinarySubType.ENCRYPTED, stored.getData()));
	}

}
