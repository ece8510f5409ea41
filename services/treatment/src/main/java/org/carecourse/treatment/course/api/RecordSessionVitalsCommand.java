package org.carecourse.treatment.course.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

public record RecordSessionVitalsCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals vitals) {
}
