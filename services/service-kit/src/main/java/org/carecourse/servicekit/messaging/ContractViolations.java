package org.carecourse.servicekit.messaging;

import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.contracts.IntegrationEvent;

/** Checks an integration event against its contract's limits (payload bean validation, envelope ids). */
final class ContractViolations {

    private ContractViolations() {
    }

    /** What breaks the contract, named by field, or null when nothing does. */
    static String of(Validator validator, IntegrationEvent<?> event) {
        String payload = validator.validate(event.payload()).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (event.correlationId().length() > FieldLimits.CORRELATION_ID || event.causationId().length() > FieldLimits.CORRELATION_ID) {
            payload = (payload.isEmpty() ? "" : payload + "; ") + "correlation or causation id over " + FieldLimits.CORRELATION_ID;
        }
        return payload.isEmpty() ? null : payload;
    }
}
