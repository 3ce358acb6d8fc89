package org.communityplaces.places.imports;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.communityplaces.places.place.Place;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** On a first run with an empty catalogue, loads a town's worth of demo places so there is something to search. */
@Component
@ConditionalOnBooleanProperty("places.demo-catalogue.enabled")
class DemoCatalogue implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

	private final CatalogueImport imports;

	private final MongoTemplate mongo;

	DemoCatalogue(CatalogueImport imports, MongoTemplate mongo) {
		this.imports = imports;
		this.mongo = mongo;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (mongo.exists(new Query(), Place.class)) {
			return;
		}
		try (Reader csv = new InputStreamReader(new ClassPathResource("demo/sheffield-places.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			ImportReport report = imports.csv(csv);
			log.info("Loaded the Sheffield demo catalogue: {} places, {} rows turned down", report.created(),
					report.rejected().size());
		}
	}

}
