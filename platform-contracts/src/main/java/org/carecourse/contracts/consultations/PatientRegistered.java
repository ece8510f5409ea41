package org.carecourse.contracts.consultations;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A patient joined the chain's patient index. Demographics stay in consultations. */
public record PatientRegistered(UUID patientId, UUID homeClinicId) implements EventPayload {
}
