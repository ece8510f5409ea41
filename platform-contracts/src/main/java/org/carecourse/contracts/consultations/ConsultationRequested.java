package org.carecourse.contracts.consultations;

import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * A prospective patient asked for a free consultation at a clinic of the chain. Carries no
 * demographics (name, date of birth, contact): those stay in the consultations service and other
 * services refer to the patient by id.
 */
public record ConsultationRequested(
        UUID consultationId,
        UUID patientId,
        UUID preferredClinicId,
        List<String> conditions) implements EventPayload {

    public ConsultationRequested {
        conditions = List.copyOf(conditions);
    }
}
