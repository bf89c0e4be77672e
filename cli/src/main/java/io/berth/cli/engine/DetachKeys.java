package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.ByteArrayOutputStream;

/**
 * Docker's detach keys ({@code ctrl-p,ctrl-q} by default; {@code ctrl-<a-z @ [ \ ] ^ _>} or single characters,
 * comma-separated) and the scanner that finds them in what the user types.
 */
final class DetachKeys {
    static final String DEFAULT = "ctrl-p,ctrl-q";

    private final byte[] keys;
    private int matched;

    private DetachKeys(byte[] keys) {
        this.keys = keys;
    }

    /** Parses docker's notation; an error names the bad key. */
    static DetachKeys parse(String spec) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String key : spec.split(",")) {
            String k = key.strip();
            if (k.length() == 1) {
                b.write(k.charAt(0));
            } else if (k.startsWith("ctrl-") && k.length() == 6) {
                char c = Character.toLowerCase(k.charAt(5));
                if (c >= 'a' && c <= 'z') {
                    b.write(c - 'a' + 1);
                } else if ("@[\\]^_".indexOf(c) >= 0) {
                    b.write("@[\\]^_".indexOf(c) == 0 ? 0 : 27 + "[\\]^_".indexOf(c));
                } else {
                    throw bad(k);
                }
            } else {
                throw bad(k);
            }
        }
        return new DetachKeys(b.toByteArray());
    }

    private static BerthException bad(String key) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, key, "Invalid detach keys (" + key
                + ") provided: use ctrl-<value> (a-z, @, [, \\, ], ^, _) or single characters, comma-separated");
    }

    byte[] bytes() {
        return keys.clone();
    }

    /**
     * Feeds {@code n} bytes of input; returns how many of them to forward (a partial sequence is held back
     * until it either completes or breaks), or -1 when the sequence completed: the user detached.
     * Held-back bytes that turn out not to be the sequence are written back into {@code buf} first.
     */
    int scan(byte[] buf, int n, ByteArrayOutputStream forward) {
        forward.reset();
        for (int i = 0; i < n; i++) {
            byte c = buf[i];
            if (c == keys[matched]) {
                matched++;
                if (matched == keys.length) {
                    return -1;
                }
                continue;
            }
            if (matched > 0) {
                forward.write(keys, 0, matched);
                matched = 0;
                if (c == keys[0]) {
                    matched = 1;
                    continue;
                }
            }
            forward.write(c);
        }
        return forward.size();
    }
}
