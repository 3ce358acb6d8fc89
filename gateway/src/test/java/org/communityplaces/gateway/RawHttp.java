package org.communityplaces.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client library will not send:
 * request lines with {@code ..} or bad percent-encoding, odd methods, oversized lines and
 * headers, bodies on reads, and bodies that never end.
 */
final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Enough to tell "cut off near the limit" from "read for ever". */
	static final long ENDLESS = 64L * 1024 * 1024;

	private RawHttp() {
	}

	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		boolean isProblem() {
			String type = header("content-type");
			return type != null && type.startsWith("application/problem+json");
		}

		JsonNode problem() {
			return json.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + headers + " " + body;
		}

	}

	/** What an endless body did: how many bytes went before the gateway stopped it, and its answer. */
	record Cutoff(long bytesSent, Answer answer) {
	}

	static String basic(String username) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((username + ":test-password").getBytes(StandardCharsets.UTF_8));
	}

	/** Sends the request head (request line and headers, without the blank line), then the body, and reads the answer. */
	static Answer send(int port, String head, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return read(socket.getInputStream(), head.startsWith("HEAD "));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Answer send(int port, String head) {
		return send(port, head, new byte[0]);
	}

	/** Sends a body as chunks of 8 KB (the last one shorter) to make {@code length} bytes. */
	static Answer sendChunked(int port, String head, int length) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> readQuietly(socket));
			try {
				int left = length;
				while (left > 0) {
					int size = Math.min(left, 8192);
					writeChunk(out, size);
					left -= size;
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (SocketException answeredEarly) {
				// the gateway answered and closed before the body was all sent
			}
			return answer.join();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a chunked body that does not end (up to {@link #ENDLESS}) while reading the answer, and
	 * counts what was sent until the gateway closed the connection.
	 */
	static Cutoff sendEndless(int port, String head) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			socket.setSendBufferSize(16 * 1024);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> readQuietly(socket));
			AtomicLong sent = new AtomicLong();
			try {
				while (sent.get() < ENDLESS) {
					writeChunk(out, 8192);
					sent.addAndGet(8192);
				}
			}
			catch (SocketException closed) {
				// what the test wants to see: the gateway stopped reading and closed
			}
			return new Cutoff(sent.get(), answer.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeChunk(OutputStream out, int size) throws IOException {
		byte[] data = new byte[size];
		java.util.Arrays.fill(data, (byte) 'x');
		out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
	}

	private static Answer readQuietly(Socket socket) {
		try {
			return read(socket.getInputStream(), false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer read(InputStream in, boolean head) throws IOException {
		int status;
		Map<String, String> headers;
		do {
			String statusLine = line(in);
			if (statusLine == null) {
				throw new IOException("The connection closed without an answer");
			}
			status = Integer.parseInt(statusLine.split(" ")[1]);
			headers = new TreeMap<>();
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim(), (first, second) -> first + ", " + second);
			}
		}
		while (status < 200);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (head) {
			return new Answer(status, headers, "");
		}
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
				body.write(in.readNBytes(size));
				line(in);
			}
		}
		else if (headers.containsKey("content-length")) {
			body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
		}
		return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = in.read(); next != -1; next = in.read()) {
			if (next == '\n') {
				return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
			}
			line.write(next);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

}
