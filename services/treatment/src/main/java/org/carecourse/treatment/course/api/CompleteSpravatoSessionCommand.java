package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** Spravato discharge: BP at ~40 min and before discharge, at least the observation period, patient stable. */
public record CompleteSpravatoSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals fortyMinuteVitals,
        Vitals dischargeVitals, boolean sedationResolved, boolean dissociationResolved, boolean respiratoryStable,
        Instant completedAt) implements SpravatoSessionCommand {
}
