package org.communityplaces.platform.input;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * What a client may send, the same in every service: strict JSON, strict query parameters, dates
 * within {@code platform.input.earliest-year} and {@code latest-year} (1900 and 2200), page
 * numbers up to {@code platform.input.max-page} (10,000) on parameters named as in
 * {@code platform.input.page-parameters} ({@code page}), and content negotiated before the
 * controller runs.
 */
@AutoConfiguration
@EnableConfigurationProperties(InputAutoConfiguration.InputSettings.class)
public class InputAutoConfiguration {

	@Bean
	PlainInput plainInput(InputSettings settings) {
		return new PlainInput(settings.earliestYear(), settings.latestYear());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JsonMapper.class, JsonMapperBuilderCustomizer.class })
	static class StrictJsonConfiguration {

		@Bean
		JsonMapperBuilderCustomizer strictJson(PlainInput rules) {
			return builder -> builder.addModule(new StrictJson(rules))
				.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
				.withCoercionConfigDefaults(coercion -> coercion.setCoercion(CoercionInputShape.EmptyString,
						CoercionAction.Fail));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class StrictRequestsConfiguration {

		@Bean
		StrictParameters strictParameters(PlainInput rules) {
			return new StrictParameters(rules);
		}

		@Bean
		WebMvcConfigurer strictRequests(InputSettings settings,
				ObjectProvider<ContentNegotiationManager> negotiation,
				ObjectProvider<RequestMappingHandlerAdapter> adapter) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new NegotiationFirst(negotiation, adapter));
					registry.addInterceptor(new PageLimit(Set.copyOf(settings.pageParameters()), settings.maxPage()));
				}

			};
		}

	}

	/**
	 * @param earliestYear the first year a date a client sends may fall in
	 * @param latestYear the last year a date a client sends may fall in
	 * @param maxPage the highest page number of any paged list
	 * @param pageParameters the names of the request parameters that are page numbers
	 */
	@ConfigurationProperties("platform.input")
	public record InputSettings(Integer earliestYear, Integer latestYear, Integer maxPage, List<String> pageParameters) {

		public InputSettings {
			earliestYear = earliestYear == null ? 1900 : earliestYear;
			latestYear = latestYear == null ? 2200 : latestYear;
			maxPage = maxPage == null ? 10_000 : maxPage;
			pageParameters = pageParameters == null ? List.of("page") : List.copyOf(pageParameters);
		}

	}

}
