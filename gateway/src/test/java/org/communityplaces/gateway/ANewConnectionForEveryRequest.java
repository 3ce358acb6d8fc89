package org.communityplaces.gateway;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The tests' client opens a new connection for every request, as each of the separate people
 * the tests play would. A pooled connection handed back with part of an answer still unread
 * held up the next test's request until it timed out (twice in CI, on 302s and 401s whose
 * bodies no test reads); with no pool there is nothing to hand back.
 */
@AutoConfiguration
class ANewConnectionForEveryRequest {

	@Bean
	WebTestClientBuilderCustomizer aNewConnectionForEveryRequest() {
		return builder -> builder
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
	}

}
