package org.communityplaces.places.imports;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How council feeds are fetched.
 *
 * @param allowedHosts hosts a feed may be fetched from although they are not public (a
 * council's own network); every other feed must be a public https address
 * @param connectTimeout how long to wait for a feed's server to take the connection
 * @param readTimeout how long to wait for each answer
 * @param maxBytes the most a run reads in all, every page and service together
 * @param perPage how many services to ask for in each page of {@code /services}
 * @param maxPages the most pages a run follows, whatever the feed says its total is
 * @param checkInterval how often each instance looks for feeds whose next run is due
 */
@ConfigurationProperties("places.feeds")
record FeedSettings(List<String> allowedHosts, Duration connectTimeout, Duration readTimeout, DataSize maxBytes,
		int perPage, int maxPages, Duration checkInterval) {

	FeedSettings {
		allowedHosts = allowedHosts == null ? List.of()
				: allowedHosts.stream().filter(host -> !host.isBlank()).map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxBytes = maxBytes == null ? DataSize.ofMegabytes(50) : maxBytes;
		perPage = perPage <= 0 ? 100 : perPage;
		maxPages = maxPages <= 0 ? 1000 : maxPages;
		checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
	}

}
