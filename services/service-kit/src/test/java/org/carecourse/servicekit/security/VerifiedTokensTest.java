package org.carecourse.servicekit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();

    /** Verifies "good-…" tokens (valid for {@code lifetimeSeconds}), refuses every other one, counting each verification. */
    private JwtDecoder issuer(long lifetimeSeconds) {
        return token -> {
            verifications.incrementAndGet();
            if (!token.startsWith("good")) {
                throw new BadJwtException("bad signature");
            }
            Instant now = Instant.now();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("nurse.denver").issuedAt(now.minusSeconds(600))
                    .expiresAt(now.plusSeconds(lifetimeSeconds)).build();
        };
    }

    @Test
    void aValidTokenIsVerifiedOnceWhileItLivesAndEachTokenOnItsOwn() {
        JwtDecoder decoder = new VerifiedTokens(issuer(300));
        Jwt first = decoder.decode("good-1");
        assertThat(decoder.decode("good-1")).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(decoder.decode("good-2").getTokenValue()).isEqualTo("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        JwtDecoder decoder = new VerifiedTokens(issuer(300));
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsNeverServedFromWhatWasVerified() {
        JwtDecoder decoder = new VerifiedTokens(issuer(-1));
        decoder.decode("good-expiring");
        decoder.decode("good-expiring");
        assertThat(verifications).as("already expired: verified (and refused by a real decoder) each time").hasValue(2);
    }
}
