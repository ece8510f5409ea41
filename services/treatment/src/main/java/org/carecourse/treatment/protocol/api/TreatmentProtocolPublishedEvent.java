package org.carecourse.treatment.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

@Revision("1")
public record TreatmentProtocolPublishedEvent(UUID clinicId, int version, Instant effectiveFrom, TreatmentProtocol protocol) {
}
