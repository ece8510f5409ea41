package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** A held infusion runs again only on a reading back under the hold thresholds and a clinician's recorded decision. */
public record ResumeInfusionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals reading, String decision,
        String decidedBy, Instant at) implements InfusionSessionCommand {
}
