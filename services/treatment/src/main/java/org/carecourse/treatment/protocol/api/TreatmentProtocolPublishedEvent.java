package org.carecourse.treatment.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

/** Revision 2 added protocol parameters; revision 1 events read them with their published defaults. */
@Revision("3")
public record TreatmentProtocolPublishedEvent(UUID clinicId, int version, Instant effectiveFrom, TreatmentProtocol protocol) {
}
