package org.carecourse.treatment.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.carecourse.treatment.clinical.TreatmentProtocol;

/** One published version of a clinic's treatment protocol, as courses cite it. */
public record TreatmentProtocolVersion(UUID clinicId, int version, Instant effectiveFrom, TreatmentProtocol protocol) {
}
