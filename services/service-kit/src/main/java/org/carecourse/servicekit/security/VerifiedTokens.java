package org.carecourse.servicekit.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A bearer token verified once is not verified again on each request: checking its RSA signature
 * was an eighth of a request thread's CPU under load (docs/performance.md). Wraps the resource
 * server's {@link JwtDecoder}: a token's exact text maps to the {@link Jwt} the decoder produced,
 * until the token expires (at most {@link #LONGEST_HELD}); a token the decoder refused is never
 * held, so it is refused again. What a token says cannot change before it expires, which is all a
 * bearer token ever promised; a token revoked at the issuer was honoured until then already.
 */
final class VerifiedTokens implements JwtDecoder {

    /** However long a token lives, it is verified again after this. */
    static final Duration LONGEST_HELD = Duration.ofMinutes(10);

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000).expireAfter(new UntilTheTokenExpires())
            .build();

    VerifiedTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || Instant.now().isBefore(known.getExpiresAt()))) {
            return known;
        }
        Jwt decoded = decoder.decode(token);
        verified.put(token, decoded);
        return decoded;
    }

    /** Wraps the resource server's decoder wherever Boot or a service defines it. */
    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens) ? new VerifiedTokens(decoder) : bean;
            }
        };
    }

    private static final class UntilTheTokenExpires implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Duration left = jwt.getExpiresAt() == null ? LONGEST_HELD : Duration.between(Instant.now(), jwt.getExpiresAt());
            return Math.max(0, Math.min(left.toNanos(), LONGEST_HELD.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
