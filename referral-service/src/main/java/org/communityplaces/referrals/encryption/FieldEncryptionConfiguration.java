package org.communityplaces.referrals.encryption;

import java.util.List;

import com.mongodb.ClientEncryptionSettings;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.vault.DataKeyOptions;
import com.mongodb.client.vault.ClientEncryption;
import com.mongodb.client.vault.ClientEncryptions;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.encryption.MongoEncryptionConverter;
import org.springframework.data.mongodb.core.encryption.EncryptionKey;
import org.springframework.data.mongodb.core.encryption.EncryptionKeyResolver;
import org.springframework.data.mongodb.core.encryption.MongoClientEncryption;

/**
 * MongoDB client-side field-level encryption in explicit mode. The personal fields of a referral
 * (those marked {@code @ExplicitEncrypted}) are encrypted in this service before they are sent to
 * the store, and decrypted as they are read, so the database, its backups and whoever administers
 * them hold only ciphertext. One data key, kept in the store's key vault collection, encrypts them;
 * it is itself encrypted by a master key that never reaches the store (a local key from the
 * environment, or a cloud KMS by configuration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FieldEncryptionSettings.class)
class FieldEncryptionConfiguration {

	static final String KEY_VAULT = "encryptionKeys";

	@Bean
	ClientEncryption clientEncryption(MongoClientSettings settings,
			ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers, MongoDatabaseFactory store,
			FieldEncryptionSettings encryption) {
		// The key vault is read with the same connection, credentials and TLS as the service's own client.
		MongoClientSettings.Builder keyVaultClient = MongoClientSettings.builder(settings);
		customizers.orderedStream().forEach(customizer -> customizer.customize(keyVaultClient));
		String database = store.getMongoDatabase().getName();
		ClientEncryption client = ClientEncryptions.create(ClientEncryptionSettings.builder()
			.keyVaultMongoClientSettings(keyVaultClient.build())
			.keyVaultNamespace(database + "." + KEY_VAULT)
			.kmsProviders(encryption.kmsProviders())
			.build());
		ensureDataKey(client, store, encryption);
		return client;
	}

	/**
	 * The data key is made once, by whichever instance starts first. The unique index on its name,
	 * which MongoDB's key vault guidance asks for, makes a second instance starting at the same
	 * moment use the first one's key rather than add its own.
	 */
	private static void ensureDataKey(ClientEncryption client, MongoDatabaseFactory store,
			FieldEncryptionSettings encryption) {
		store.getMongoDatabase()
			.getCollection(KEY_VAULT)
			.createIndex(Indexes.ascending("keyAltNames"), new IndexOptions().unique(true)
				.partialFilterExpression(Filters.exists("keyAltNames")));
		if (client.getKeyByAltName(encryption.keyAltName()) != null) {
			return;
		}
		DataKeyOptions options = new DataKeyOptions().keyAltNames(List.of(encryption.keyAltName()));
		if (!FieldEncryptionSettings.LOCAL.equals(encryption.kmsProvider())) {
			options.masterKey(encryption.masterKeyDocument());
		}
		try {
			client.createDataKey(encryption.kmsProvider(), options);
		}
		catch (MongoWriteException taken) {
			if (taken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw taken;
			}
		}
	}

	@Bean
	MongoEncryptionConverter personalDataEncryption(ClientEncryption client, FieldEncryptionSettings encryption) {
		EncryptionKey dataKey = EncryptionKey.keyAltName(encryption.keyAltName());
		return new MongoEncryptionConverter(new CiphertextAsGenericBinary(MongoClientEncryption.just(client)),
				EncryptionKeyResolver.annotated(context -> dataKey));
	}

	/** Lets the mapping find {@link #personalDataEncryption} for every {@code @ExplicitEncrypted} field. */
	@Bean
	MongoCustomConversions mongoCustomConversions(BeanFactory beans) {
		return MongoCustomConversions.create(adapter -> adapter
			.registerPropertyValueConverterFactory(PropertyValueConverterFactory.beanFactoryAware(beans)));
	}

}
