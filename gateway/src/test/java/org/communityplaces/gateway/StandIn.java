package org.communityplaces.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on loopback standing in for a service behind the gateway. */
final class StandIn {

	private StandIn() {
	}

	static HttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", handler);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Answers with this status and JSON body (none for an error status). */
	static void answer(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		boolean withBody = status < 400;
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, withBody ? body.length : -1);
		if (withBody) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	/** A port nothing listens on: a service that is down. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
