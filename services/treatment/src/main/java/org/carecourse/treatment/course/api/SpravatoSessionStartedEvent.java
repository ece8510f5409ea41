package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Revision 2 adds {@code overrides}, e.g. the prescriber's decision to dose above the pre-dose BP
 * delay threshold; revision 1 events never kept it (the reason was checked, then dropped) and read
 * as none.
 */
@Revision("2")
public record SpravatoSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, int doseMg,
        Vitals preDoseVitals, List<ClinicalOverride> overrides, Instant dosedAt) {

    public SpravatoSessionStartedEvent {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
