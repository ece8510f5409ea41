package org.carecourse.local.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.UUID;

import org.carecourse.local.DemoChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Each demo staff member is a client of the issuer (client credentials grant), so a developer
 * gets a token with one curl call. Tokens carry the platform's claims: {@code roles} and
 * {@code clinics}. The signing key is kept in the data folder so tokens survive a restart.
 */
@Configuration(proxyBeanMethods = false)
class DemoStaffClients {

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        return new InMemoryRegisteredClientRepository(DemoChain.STAFF.stream()
                .map(staff -> RegisteredClient.withId(staff.userId())
                        .clientId(staff.userId())
                        .clientSecret("{noop}" + staff.userId())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                        .build())
                .toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> staffClaims() {
        return context -> {
            DemoChain.Staff staff = DemoChain.staff(context.getRegisteredClient().getClientId());
            context.getClaims()
                    .claim("roles", java.util.List.of(staff.role()))
                    .claim("clinics", staff.clinics().stream().map(UUID::toString).sorted().toList());
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${carecourse.issuer.key-file:${java.io.tmpdir}/carecourse-issuer-key.json}") Path keyFile) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(keyFile)));
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
