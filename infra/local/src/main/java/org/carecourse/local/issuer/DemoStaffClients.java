package org.carecourse.local.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.carecourse.local.DemoChain;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Each demo staff member is a client of the issuer (client credentials grant), so a developer
 * gets a token with one curl call, and a user who signs in to the operations dashboard in a
 * browser (authorization code with PKCE, a public client: nothing secret lives in the page's
 * server session but the tokens). Tokens and ID tokens carry the platform's claims: {@code roles}
 * and {@code clinics}. The signing key is kept in the data folder so tokens survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
class DemoStaffClients {

    /** The operations dashboard's client id at the issuer (a public client, so PKCE is required). */
    public static final String DASHBOARD_CLIENT = "operations-dashboard";

    @Bean
    RegisteredClientRepository registeredClientRepository(IssuerProperties properties) {
        String dashboardRedirect = properties.dashboardRedirectUri();
        RegisteredClient dashboard = RegisteredClient.withId(DASHBOARD_CLIENT)
                .clientId(DASHBOARD_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(dashboardRedirect)
                .postLogoutRedirectUri(dashboardRedirect.replaceFirst("/login/oauth2/code/.*$", "/"))
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                .build();
        List<RegisteredClient> clients = new ArrayList<>(List.of(dashboard));
        clients.addAll(DemoChain.STAFF.stream()
                .map(staff -> RegisteredClient.withId(staff.userId())
                        .clientId(staff.userId())
                        .clientSecret("{noop}" + staff.userId())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                        .build())
                .toList());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The demo staff as people who sign in with a password (their user id, as for their client secret). */
    @Bean
    UserDetailsService demoStaffUsers() {
        return new InMemoryUserDetailsManager(DemoChain.STAFF.stream()
                .map(staff -> User.withUsername(staff.userId()).password("{noop}" + staff.userId()).roles(staff.role()).build())
                .toList());
    }

    /** Who the token is for: the client itself (client credentials) or the person who signed in (authorization code). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> staffClaims() {
        return context -> {
            DemoChain.Staff staff = DemoChain.staff(context.getPrincipal().getName());
            context.getClaims()
                    .claim("roles", List.of(staff.role()))
                    .claim("clinics", staff.clinics().stream().map(UUID::toString).sorted().toList());
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(properties.keyFile())));
    }

    private static RSAKey signingKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key.toJSONString());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unusable issuer key in " + keyFile, e);
        }
    }
}
