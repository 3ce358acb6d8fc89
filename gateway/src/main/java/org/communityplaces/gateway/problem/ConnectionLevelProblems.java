package org.communityplaces.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Some requests are refused by the HTTP server before any of the gateway's code sees them, with
 * an empty answer: a request line longer than {@code server.netty.max-initial-line-length}
 * (414), headers larger than {@code server.max-http-request-header-size} (431), a request that
 * is not HTTP, or an address that cannot be read as a URI, such as bad percent-encoding (400).
 * Those answers are given a problem body here, at the connection, where they are written. An
 * answer the gateway's own filters saw carries their security headers and is left alone, so
 * only these are changed, never a service's.
 */
@Component
class ConnectionLevelProblems implements NettyServerCustomizer {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "problemForEmptyRefusals", new EmptyRefusals());
			}
		});
	}

	private static String detail(int status) {
		return switch (status) {
			case 414 -> "The address is longer than the gateway takes.";
			case 431 -> "The request's headers are larger than the gateway takes.";
			case 400 -> "The request could not be read: it is not valid HTTP, or its address has characters that must "
					+ "be percent-encoded or bad percent-encoding.";
			default -> "The request could not be handled as sent.";
		};
	}

	/** One per connection: it remembers whether the request being answered was a HEAD, which has no body. */
	private static final class EmptyRefusals extends ChannelDuplexHandler {

		private boolean head;

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
			if (message instanceof HttpRequest request) {
				head = HttpMethod.HEAD.equals(request.method());
			}
			super.channelRead(context, message);
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
			if (message instanceof FullHttpResponse response && isEmptyRefusal(response)) {
				context.write(withProblem(context, response), promise);
				return;
			}
			super.write(context, message, promise);
		}

		private boolean isEmptyRefusal(FullHttpResponse response) {
			return !head && response.status().code() >= 400 && !response.content().isReadable()
					&& !response.headers().contains("Content-Security-Policy")
					&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
		}

		private static FullHttpResponse withProblem(ChannelHandlerContext context, FullHttpResponse empty) {
			HttpResponseStatus status = empty.status();
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", Problems.titleOf(HttpStatusCode.valueOf(status.code())));
			problem.put("status", status.code());
			problem.put("detail", detail(status.code()));
			byte[] body = json.writeValueAsBytes(problem);
			ByteBuf content = context.alloc().buffer(body.length).writeBytes(body);
			FullHttpResponse answer = new DefaultFullHttpResponse(empty.protocolVersion(), status, content);
			answer.headers().set(empty.headers());
			answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
			answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
			answer.headers().set("X-Content-Type-Options", "nosniff");
			empty.release();
			return answer;
		}

	}

}
