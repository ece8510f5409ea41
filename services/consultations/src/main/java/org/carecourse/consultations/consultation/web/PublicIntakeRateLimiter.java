package org.carecourse.consultations.consultation.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * Token buckets per client address for the public intake form. The map keeps the most recently
 * seen addresses only, so a flood of addresses cannot grow it without bound.
 */
@Component
class PublicIntakeRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final int requestsPerMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_CLIENTS;
        }
    };

    PublicIntakeRateLimiter(PublicIntakeProperties properties) {
        this.requestsPerMinute = properties.requestsPerMinute();
    }

    boolean tryAcquire(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, key -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                    .build());
        }
        return bucket.tryConsume(1);
    }
}
