package org.communityplaces.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Answers 406 before the controller runs when the {@code Accept} header takes none of what it
 * can answer with. Spring negotiates only when it writes the answer, after the controller has
 * stored its change, so without this a write refused for its {@code Accept} header is still done.
 * A mapping that declares {@code produces} is negotiated by Spring while it is chosen, so before
 * the controller too.
 */
final class NegotiationFirst implements HandlerInterceptor {

	private final ObjectProvider<ContentNegotiationManager> negotiation;

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	private final Map<HandlerMethod, List<MediaType>> producible = new ConcurrentHashMap<>();

	NegotiationFirst(ObjectProvider<ContentNegotiationManager> negotiation,
			ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.negotiation = negotiation;
		this.adapter = adapter;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
				|| request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
			return true;
		}
		List<MediaType> answers = producible.computeIfAbsent(method, this::producibleBy);
		if (answers.isEmpty()) {
			return true;
		}
		List<MediaType> accepted = negotiation.getObject().resolveMediaTypes(new ServletWebRequest(request));
		for (MediaType acceptable : accepted) {
			for (MediaType answer : answers) {
				if (acceptable.isCompatibleWith(answer)) {
					return true;
				}
			}
		}
		throw new HttpMediaTypeNotAcceptableException(answers);
	}

	/** What the message converters can write the method's answer as; nothing for an answer without a body. */
	private List<MediaType> producibleBy(HandlerMethod method) {
		ResolvableType returned = ResolvableType.forMethodParameter(method.getReturnType());
		boolean entity = HttpEntity.class.isAssignableFrom(returned.toClass());
		boolean body = method.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
		if (!entity && !body) {
			return List.of();
		}
		Class<?> bodyType = entity ? returned.as(HttpEntity.class).getGeneric(0).resolve(Object.class)
				: returned.toClass();
		if (bodyType == void.class || bodyType == Void.class || ProblemDetail.class.isAssignableFrom(bodyType)) {
			return List.of();
		}
		List<MediaType> types = new ArrayList<>();
		for (HttpMessageConverter<?> converter : adapter.getObject().getMessageConverters()) {
			if (converter.canWrite(bodyType, null)) {
				types.addAll(converter.getSupportedMediaTypes(bodyType));
			}
		}
		return List.copyOf(types);
	}

}
