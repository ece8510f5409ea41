package org.carecourse.servicekit.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link of a hash chain: SHA-256 over the previous link and the event exactly as stored
 * (identity, position, type, revision, timestamp, payload and metadata bytes), each field
 * length-prefixed so no two different events can concatenate to the same bytes.
 */
public final class HashChain {

    /** The "previous link" of a stream's first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previous, StoredEvent event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            field(sha, previous.getBytes(StandardCharsets.US_ASCII));
            field(sha, event.aggregateIdentifier().getBytes(StandardCharsets.UTF_8));
            field(sha, ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
            field(sha, event.eventIdentifier().getBytes(StandardCharsets.UTF_8));
            field(sha, event.payloadType().getBytes(StandardCharsets.UTF_8));
            field(sha, event.payloadRevision() == null ? new byte[0] : event.payloadRevision().getBytes(StandardCharsets.UTF_8));
            field(sha, event.timeStamp().getBytes(StandardCharsets.UTF_8));
            field(sha, event.payload());
            field(sha, event.metaData() == null ? new byte[0] : event.metaData());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

    /** One row of the event store, as stored. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String payloadType,
            String payloadRevision, String timeStamp, byte[] payload, byte[] metaData) {
    }
}
