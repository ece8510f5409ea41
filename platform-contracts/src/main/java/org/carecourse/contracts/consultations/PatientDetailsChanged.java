package org.carecourse.contracts.consultations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** A patient's demographics changed; names the fields that changed, never their values. */
public record PatientDetailsChanged(
        UUID patientId,
        UUID homeClinicId,
        @Size(max = FieldLimits.LIST) List<@Size(max = FieldLimits.CODE) String> changedFields) implements EventPayload {

    public PatientDetailsChanged {
        changedFields = List.copyOf(changedFields);
    }
}
