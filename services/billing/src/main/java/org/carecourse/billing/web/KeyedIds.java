package org.carecourse.billing.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.idempotency.IdempotencyFilter;

/**
 * Ids of money movements taken from the request's {@code Idempotency-Key}: the kit's filter
 * replays a retried request for a day, and the aggregate refuses the same id for ever after, so a
 * retry a week later still records nothing twice.
 */
public final class KeyedIds {

    private KeyedIds() {
    }

    /** Payments and refunds must be keyed: a front desk's double click must never take money twice. */
    public static UUID required(String key, String scope, UUID subject) {
        if (key == null || key.isBlank()) {
            throw new InvalidFieldException(IdempotencyFilter.HEADER, "a payment or refund needs an Idempotency-Key header");
        }
        return from(key, scope, subject);
    }

    /** From the key when there is one, otherwise a new id. */
    public static UUID optional(String key, String scope, UUID subject) {
        return key == null || key.isBlank() ? UUID.randomUUID() : from(key, scope, subject);
    }

    private static UUID from(String key, String scope, UUID subject) {
        return UUID.nameUUIDFromBytes((scope + ":" + subject + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
