package org.communityplaces.gateway.benchmark;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The service behind every path of the benchmark: the same small JSON answer at once, on one
 * event loop of its own, so what the paths differ by is only what stands in front of it.
 */
final class FixedAnswerBackend implements AutoCloseable {

	private static final byte[] ANSWER = "{\"total\":1,\"hits\":[{\"id\":\"p-1\",\"name\":\"The Red Lion\",\"distance\":420}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final LoopResources loop = LoopResources.create("backend", 1, true);

	private final DisposableServer server;

	FixedAnswerBackend() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(loop)
			.handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(ANSWER.length))
				.sendByteArray(Mono.just(ANSWER)))
			.bindNow();
	}

	String url() {
		return "http://127.0.0.1:" + server.port();
	}

	int port() {
		return server.port();
	}

	@Override
	public void close() {
		server.disposeNow();
		loop.dispose();
	}

}
