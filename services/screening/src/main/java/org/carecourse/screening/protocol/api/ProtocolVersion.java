package org.carecourse.screening.protocol.api;

import java.time.Instant;
import java.util.UUID;

/** One published version of a clinic's protocol, as decisions cite it. */
public record ProtocolVersion(UUID clinicId, int version, Instant effectiveFrom, ProtocolParameters parameters) {
}
