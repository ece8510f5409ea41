package org.carecourse.contracts.scheduling;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A chair or room of a clinic and what it can be used for ({@code capabilities}:
 * {@code iv-infusion}, {@code spravato-observation}, {@code consult}).
 */
public record ChairAdded(
        UUID clinicId,
        UUID chairId,
        @Size(max = FieldLimits.LINE) String name,
        @Size(max = FieldLimits.LIST) List<@Size(max = FieldLimits.CODE) String> capabilities) implements EventPayload {

    public ChairAdded {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
