package org.carecourse.servicekit.audit.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that signs audit checkpoints, per deployment and never stored in the database (base64,
 * at least 32 bytes; {@link CheckpointKey} refuses to start without one).
 */
@ConfigurationProperties("carecourse.audit")
public record AuditProperties(String checkpointKey) {
}
