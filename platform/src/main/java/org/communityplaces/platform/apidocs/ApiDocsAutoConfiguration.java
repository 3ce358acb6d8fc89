package org.communityplaces.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.communityplaces.platform.caller.Caller;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI description (springdoc, at {@code /v3/api-docs}), as the gateway's
 * Swagger UI shows it: requests go to the gateway the page came from, signed in as a person
 * there, never to the service itself.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocsAutoConfiguration {

	static {
		// Resolved from the relayed token, not sent by the client
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	private static final String SIGN_IN = "gateway-sign-in";

	@Bean
	@ConditionalOnMissingBean
	OpenAPI serviceApi(@Value("${spring.application.name}") String name,
			@Value("${platform.api-docs.description:}") String description) {
		return new OpenAPI()
			.info(new Info().title("Community places: " + name)
				.description(description)
				.version("v1")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.addServersItem(new Server().url("/").description("The gateway"))
			.components(new Components().addSecuritySchemes(SIGN_IN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
						.description("Sign in at the gateway with your user name and password")))
			.addSecurityItem(new SecurityRequirement().addList(SIGN_IN));
	}

}
