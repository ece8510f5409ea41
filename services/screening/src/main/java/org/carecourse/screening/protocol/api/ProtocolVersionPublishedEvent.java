package org.carecourse.screening.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProtocolVersionPublishedEvent(UUID clinicId, int version, Instant effectiveFrom, ProtocolParameters parameters) {
}
