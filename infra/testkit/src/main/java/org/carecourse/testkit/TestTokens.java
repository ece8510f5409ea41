package org.carecourse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Real RS256-signed JWTs for tests, signed by a key pair made once per JVM. Services under test
 * verify them with the public key from {@link #publicKeyLocation()}, exactly as they verify the
 * identity provider's tokens in production: nothing in the security chain is mocked.
 */
public final class TestTokens {

    private static final KeyPair KEYS = generate();
    private static String publicKeyLocation;

    private TestTokens() {
    }

    /** A token for a staff member acting in one role at the given clinics. */
    public static String staff(String userId, String role, Collection<UUID> clinics) {
        return sign(userId, List.of(role), clinics.stream().map(UUID::toString).toList(), Duration.ofMinutes(30));
    }

    /** An expired token, for checking that expiry is enforced. */
    public static String expired(String userId, String role, Collection<UUID> clinics) {
        return sign(userId, List.of(role), clinics.stream().map(UUID::toString).toList(), Duration.ofMinutes(-5));
    }

    public static synchronized String publicKeyLocation() {
        if (publicKeyLocation == null) {
            try {
                Path file = Files.createTempFile("carecourse-test-jwt", ".pub");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyLocation = file.toUri().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyLocation;
    }

    private static String sign(String userId, List<String> roles, List<String> clinics, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://testkit.carecourse.invalid")
                .subject(userId)
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles)
                .claim("clinics", clinics)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
