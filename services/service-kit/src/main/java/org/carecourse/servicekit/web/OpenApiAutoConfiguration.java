package org.carecourse.servicekit.web;

import org.carecourse.servicekit.boot.ServiceApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service documents its API at {@code /v3/api-docs} (and {@code /swagger-ui.html}), with
 * the bearer-token scheme all endpoints require. The documents need a token like the API.
 */
@AutoConfiguration
@EnableConfigurationProperties(ServiceApplication.class)
public class OpenApiAutoConfiguration {

    @Bean
    OpenAPI carecourseOpenApi(ServiceApplication service) {
        return new OpenAPI()
                .info(new Info().title("CareCourse " + service.name() + " API")
                        .description("Staff tokens carry 'roles' and 'clinics' claims; requests act only at the caller's clinics. "
                                + "Errors are RFC 9457 problem+json.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
