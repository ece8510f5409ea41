package org.carecourse.servicekit.security;

import java.util.Collection;
import java.util.List;

import org.carecourse.servicekit.web.ProblemResponses;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: all endpoints need a valid JWT except health
 * probes. Roles come from the {@code roles} claim; clinic scope is checked per request with
 * {@link StaffMember}. Refusals are problem+json like every other error.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityPaths.class)
public class ResourceServerAutoConfiguration {

    /** Each bearer token's signature is checked once while it is valid ({@link VerifiedTokens}). */
    @Bean
    static BeanPostProcessor verifiedTokens() {
        return VerifiedTokens.wrapping();
    }

    /**
     * Last in order, matching every request no earlier chain claimed: a service that also serves
     * web pages (operations' dashboard) adds its own browser chain for those paths before it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "resourceServerFilterChain")
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityPaths paths) throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    // Endpoints an issue makes public (e.g. the intake web form); each service names its own.
                    if (!paths.publicPaths().isEmpty()) {
                        requests.requestMatchers(paths.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only, no cookies: CSRF does not apply.
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(staffAuthenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, e.getMessage())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, e.getMessage())));
        return http.build();
    }

    static JwtAuthenticationConverter staffAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = StaffMember.roles(jwt).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                    .toList();
            return List.copyOf(authorities);
        });
        return converter;
    }
}
