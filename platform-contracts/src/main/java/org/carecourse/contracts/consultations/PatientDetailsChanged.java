package org.carecourse.contracts.consultations;

import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A patient's demographics changed; names the fields that changed, never their values. */
public record PatientDetailsChanged(UUID patientId, UUID homeClinicId, List<String> changedFields) implements EventPayload {

    public PatientDetailsChanged {
        changedFields = List.copyOf(changedFields);
    }
}
