package org.communityplaces.gateway.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A stock Spring Cloud Gateway for {@link GatewayThroughputBenchmark} to measure this one
 * against: the gateway starter's auto-configuration and one route from {@code stock-gateway.yml},
 * nothing of this project's. The benchmark starts it in a JVM of its own, on a class path without
 * this gateway's classes and without the libraries the starter does not bring (security,
 * actuator, tracing, circuit breakers, OpenAPI).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class StockGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockGatewayApplication.class, args);
	}

}
