package org.carecourse.operations.browser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.OperationsProperties;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

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
    SecurityFilterChain browserFilterChain(HttpSecurity http, OperationsProperties properties) throws Exception {
        http.securityMatcher(BROWSER_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/dashboard/assets/**").permitAll()
                        // Checked again on each controller; here so a refusal comes before anything is fetched.
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyRole(OperationsAccess.FIGURE_ROLES)
                        .requestMatchers("/audit", "/audit/**").hasRole(OperationsAccess.PATIENT_RECORD_ROLE)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.userInfoEndpoint(info -> info.userAuthoritiesMapper(staffAuthorities())))
                .logout(logout -> logout.logoutSuccessHandler(signedOutAtTheIssuerToo(properties)))
                // A page's background refresh after the session ended gets 401, not the issuer's login page as a fragment.
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new RequestHeaderRequestMatcher("HX-Request")));
        return http.build();
    }

    /**
     * Signing out ends the session at the identity provider too (OpenID Connect RP-initiated
     * logout), else the next page would sign the person straight back in; the provider then sends
     * the browser back to the dashboard's front page.
     */
    static LogoutSuccessHandler signedOutAtTheIssuerToo(OperationsProperties properties) {
        return (request, response, authentication) -> {
            UriComponentsBuilder logout = UriComponentsBuilder.fromUri(properties.issuerUri()).path("/connect/logout");
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                logout.queryParam("id_token_hint", user.getIdToken().getTokenValue())
                        .queryParam("post_logout_redirect_uri", ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString());
            }
            response.sendRedirect(logout.encode().toUriString());
        };
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
