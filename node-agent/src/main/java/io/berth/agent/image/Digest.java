package io.berth.agent.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI image spec writes it: {@code sha256:<64 lowercase hex>}.
 * Only sha256 is accepted; it is what every registry and image of today uses.
 */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!"sha256".equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest algorithm \"" + algorithm + "\": only sha256 is supported");
        }
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid sha256 digest \"" + hex + "\": expected 64 lowercase hex characters");
        }
    }

    /** Parses {@code sha256:<hex>}; throws {@link IllegalArgumentException} naming the bad input. */
    public static Digest parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid digest \"" + text + "\": expected sha256:<64 hex characters>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    public static Digest sha256(byte[] content) {
        return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(content)));
    }

    /** Wraps a finished {@link MessageDigest} (from {@link #newSha256()}). */
    public static Digest of(MessageDigest finished) {
        return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** The first 12 hex characters, as Docker shows image and layer IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
