package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Revision 2 adds {@code bpOverride}, the prescriber's decision to dose above the pre-dose BP delay
 * threshold; revision 1 events never kept it (the reason was checked, then dropped) and read as null.
 */
@Revision("2")
public record SpravatoSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, int doseMg,
        Vitals preDoseVitals, ClinicalOverride bpOverride, Instant dosedAt) {
}
