package org.communityplaces.places.search;

import java.nio.file.Path;

import org.communityplaces.places.taxonomy.Taxonomies;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean(destroyMethod = "close")
	PlaceIndex placeIndex(Taxonomies taxonomies,
			@Value("${places.search.index-dir:${java.io.tmpdir}/community-places-index}") Path indexDir) {
		return new PlaceIndex(taxonomies, indexDir);
	}

}
