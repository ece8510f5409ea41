package org.carecourse.contracts.consultations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A prospective patient asked for a free consultation at a clinic of the chain. Carries no
 * demographics (name, date of birth, contact): those stay in the consultations service and other
 * services refer to the patient by id.
 */
public record ConsultationRequested(
        UUID consultationId,
        UUID patientId,
        UUID preferredClinicId,
        @Size(max = FieldLimits.LIST) List<@Size(max = FieldLimits.CODE) String> conditions) implements EventPayload {

    public ConsultationRequested {
        conditions = List.copyOf(conditions);
    }
}
