package io.berth.scheduler.internal.api;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayOutputStream;

/**
 * Docker's detach keys ({@code ctrl-p,ctrl-q} by default; {@code ctrl-<a-z @ [ \ ] ^ _>} or single characters,
 * comma-separated) and a matcher that watches a stdin stream for them. Bytes of a partial match are held back
 * and released when the match breaks, so the container sees exactly what was typed except the sequence.
 */
final class DetachKeys {
    static final String DEFAULT = "ctrl-p,ctrl-q";

    private final byte[] sequence;
    private int matched;

    private DetachKeys(byte[] sequence) {
        this.sequence = sequence;
    }

    static DetachKeys parse(String spec) {
        String text = spec == null || spec.isEmpty() ? DEFAULT : spec;
        String[] keys = text.split(",");
        byte[] bytes = new byte[keys.length];
        for (int i = 0; i < keys.length; i++) {
            bytes[i] = key(keys[i].trim(), text);
        }
        return new DetachKeys(bytes);
    }

    private static byte key(String key, String spec) {
        if (key.length() == 1) {
            return (byte) key.charAt(0);
        }
        if (key.startsWith("ctrl-") && key.length() == 6) {
            char c = key.charAt(5);
            if (c >= 'a' && c <= 'z') {
                return (byte) (c - 'a' + 1);
            }
            switch (c) {
                case '@': return 0;
                case '[': return 27;
                case '\\': return 28;
                case ']': return 29;
                case '^': return 30;
                case '_': return 31;
                default: break;
            }
        }
        throw new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "Invalid detach keys (" + spec
                + ") provided: use ctrl-<value> or a single character, comma-separated");
    }

    /** Filters one chunk of stdin: what to pass on, and whether the sequence was completed. */
    Result feed(byte[] data) {
        ByteArrayOutputStream pass = new ByteArrayOutputStream(data.length);
        for (byte b : data) {
            if (b == sequence[matched]) {
                matched++;
                if (matched == sequence.length) {
                    return new Result(pass.toByteArray(), true);
                }
            } else {
                pass.write(sequence, 0, matched);
                matched = 0;
                if (b == sequence[0]) {
                    matched = 1;
                } else {
                    pass.write(b);
                }
            }
        }
        return new Result(pass.toByteArray(), false);
    }

    record Result(byte[] pass, boolean detach) {
    }
}
