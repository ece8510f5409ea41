package org.carecourse.operations.browser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.carecourse.servicekit.security.StaffMember;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * People sign in to the dashboard and the audit views in a browser, at the same identity
 * provider that issues the APIs' tokens (authorization code with PKCE; the local issuer for the
 * demo, the chain's provider in production). The session lives in a cookie named apart from the
 * issuer's, which may share the host. Roles and clinics come from the ID token's claims, exactly
 * as from an API token's; the API itself stays bearer-token only (the kit's chain).
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurity {

    /** The paths a browser uses; every other path belongs to the bearer-token API chain. */
    static final String[] BROWSER_PATHS = {"/", "/dashboard", "/dashboard/**", "/audit", "/audit/**", "/webjars/**", "/oauth2/**",
            "/login/**", "/logout"};

    @Bean
    @Order(1)
    SecurityFilterChain browserFilterChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        loggedOut.setPostLogoutRedirectUri("{baseUrl}/");
        http.securityMatcher(BROWSER_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/dashboard/assets/**").permitAll()
                        // Checked again on each controller; here so a refusal comes before anything is fetched.
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyRole("operations", "admin")
                        .requestMatchers("/audit", "/audit/**").hasRole("auditor")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.userInfoEndpoint(info -> info.userAuthoritiesMapper(staffAuthorities())))
                .logout(logout -> logout.logoutSuccessHandler(loggedOut))
                // A page's background refresh after the session ended gets 401, not the issuer's login page as a fragment.
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new RequestHeaderRequestMatcher("HX-Request")));
        return http.build();
    }

    /** The platform's roles from the ID token's {@code roles} claim, as the API reads them from a bearer token's. */
    static GrantedAuthoritiesMapper staffAuthorities() {
        return authorities -> {
            Collection<GrantedAuthority> mapped = new ArrayList<>(authorities);
            authorities.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                    .forEach(oidc -> StaffMember.roles(oidc.getIdToken())
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority()))));
            return List.copyOf(mapped);
        };
    }
}
