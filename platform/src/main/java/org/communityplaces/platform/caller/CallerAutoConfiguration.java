package org.communityplaces.platform.caller;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Import;

/** Lets any controller method take the signed-in {@link Caller} as a parameter. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import(CallerHeaders.class)
public class CallerAutoConfiguration {

}
