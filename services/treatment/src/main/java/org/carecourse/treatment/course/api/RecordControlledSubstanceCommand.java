package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Schedule III record: lot, amount given, amount wasted and the witness. */
public record RecordControlledSubstanceCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, String lot,
        BigDecimal givenMg, BigDecimal wastedMg, String witness) implements InfusionSessionCommand {
}
