package org.carecourse.servicekit.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key checkpoints are signed with (HMAC-SHA256). It is configured per deployment
 * ({@code carecourse.audit.checkpoint-key}, base64, at least 32 bytes) and never stored in the
 * database: whoever can write the database cannot forge a checkpoint. Its id (a digest prefix)
 * is stored with each checkpoint so a rotated key is recognised, not mistaken for tampering.
 */
public final class CheckpointKey {

    private final SecretKeySpec key;
    private final String id;

    public CheckpointKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("carecourse.audit.checkpoint-key is not set: audit checkpoints need a signing key"
                    + " held outside the database (base64, at least 32 bytes)");
        }
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("carecourse.audit.checkpoint-key must be at least 32 bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.id = sha256(bytes).substring(0, 16);
    }

    public String id() {
        return id;
    }

    public String sign(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
