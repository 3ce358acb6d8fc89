package org.communityplaces.gateway.benchmark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import com.sun.management.OperatingSystemMXBean;

/**
 * Load as wrk makes it: a number of keep-alive connections, each sending one request and
 * reading its whole answer before the next, for a warm-up and then a measured period. Written
 * on plain sockets because the client shares the two cores with what it measures: a full HTTP
 * client library spends several times the CPU per request of a fixed request and a header scan.
 */
final class KeepAliveLoad {

	/**
	 * What one period measured: answers a second, latency quantiles, and the CPU time per answer
	 * spent by the process measured and by this one (the load and the backend).
	 */
	record Measured(double perSecond, double p50Millis, double p99Millis, double cpuMillisPerRequest,
			double loadCpuMillisPerRequest, long notOk) {
	}

	private static final OperatingSystemMXBean thisProcess = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private KeepAliveLoad() {
	}

	/**
	 * @param cpuNanos the total CPU time of the process whose cost per request is wanted, read at
	 * the start and the end of the measured period
	 */
	static Measured run(int port, String path, int connections, Duration warmUp, Duration measured, LongSupplier cpuNanos)
			throws InterruptedException {
		byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
				+ "User-Agent: gateway-benchmark\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		long measureFrom = System.nanoTime() + warmUp.toNanos();
		long measureUntil = measureFrom + measured.toNanos();
		List<Connection> running = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Connection connection = new Connection(port, request, measureFrom, measureUntil);
			running.add(connection);
			connection.thread.start();
		}
		Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
		long cpuAtStart = cpuNanos.getAsLong();
		long loadCpuAtStart = thisProcess.getProcessCpuTime();
		Thread.sleep(Math.max(0, (measureUntil - System.nanoTime()) / 1_000_000));
		long cpuUsed = cpuNanos.getAsLong() - cpuAtStart;
		long loadCpuUsed = thisProcess.getProcessCpuTime() - loadCpuAtStart;
		int total = 0;
		long notOk = 0;
		for (Connection connection : running) {
			connection.thread.join();
			if (connection.failure != null) {
				throw new IllegalStateException("A connection to port " + port + " failed", connection.failure);
			}
			total += connection.count;
			notOk += connection.notOk;
		}
		long[] all = new long[total];
		int at = 0;
		for (Connection connection : running) {
			System.arraycopy(connection.latencies, 0, all, at, connection.count);
			at += connection.count;
		}
		Arrays.sort(all);
		double seconds = measured.toNanos() / 1e9;
		return new Measured(total / seconds, quantile(all, 0.50), quantile(all, 0.99), cpuUsed / 1e6 / Math.max(1, total),
				loadCpuUsed / 1e6 / Math.max(1, total), notOk);
	}

	private static double quantile(long[] sorted, double quantile) {
		return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * quantile) - 1] / 1e6;
	}

	/** One keep-alive connection and the latencies of the requests it started in the measured period. */
	private static final class Connection implements Runnable {

		private final int port;

		private final byte[] request;

		private final long measureFrom;

		private final long measureUntil;

		private final Thread thread = new Thread(this, "load");

		private long[] latencies = new long[16_384];

		private int count;

		/** Answers other than 200 in the measured period: counted, and in the latencies too, as wrk does. */
		private long notOk;

		private volatile Throwable failure;

		Connection(int port, byte[] request, long measureFrom, long measureUntil) {
			this.port = port;
			this.request = request;
			this.measureFrom = measureFrom;
			this.measureUntil = measureUntil;
		}

		@Override
		public void run() {
			try (Socket socket = new Socket()) {
				socket.setTcpNoDelay(true);
				socket.connect(new InetSocketAddress("127.0.0.1", port));
				OutputStream out = socket.getOutputStream();
				Answers answers = new Answers(socket.getInputStream());
				for (long started = System.nanoTime(); started < measureUntil; started = System.nanoTime()) {
					out.write(request);
					int status = answers.read();
					if (started >= measureFrom) {
						record(System.nanoTime() - started);
						notOk += status == 200 ? 0 : 1;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				failure = ex;
			}
		}

		private void record(long nanos) {
			if (count == latencies.length) {
				latencies = Arrays.copyOf(latencies, count * 2);
			}
			latencies[count++] = nanos;
		}

	}

	/** Reads one HTTP/1.1 answer at a time off a connection: the status, the headers, then the body by its length or chunks. */
	private static final class Answers {

		private final InputStream in;

		private final byte[] buffer = new byte[16_384];

		private int position;

		private int limit;

		Answers(InputStream in) {
			this.in = in;
		}

		/** @return the status */
		int read() throws IOException {
			String statusLine = line();
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon);
				if (name.equalsIgnoreCase("content-length")) {
					length = Long.parseLong(header.substring(colon + 1).trim());
				}
				else if (name.equalsIgnoreCase("transfer-encoding")) {
					chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
					skip(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				skip(length);
			}
			return status;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			while (true) {
				if (position == limit) {
					fill();
				}
				byte next = buffer[position++];
				if (next == '\n') {
					int end = line.length();
					return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
				}
				line.append((char) next);
			}
		}

		private void skip(long bytes) throws IOException {
			for (long left = bytes; left > 0;) {
				if (position == limit) {
					fill();
				}
				int taken = (int) Math.min(left, limit - position);
				position += taken;
				left -= taken;
			}
		}

		private void fill() throws IOException {
			int read = in.read(buffer);
			if (read < 0) {
				throw new UncheckedIOException(new EOFException("The connection was closed mid-answer"));
			}
			position = 0;
			limit = read;
		}

	}

}
