package io.berth.agent.image.internal.layer;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Compression of a layer, told by its magic bytes (media types lie: Docker's "tar.gzip" layers may be plain). */
public enum Compression {
    NONE, GZIP, ZSTD;

    /** Detects the compression of a stream that supports mark/reset (wrap in a BufferedInputStream first). */
    public static Compression detect(InputStream in) throws IOException {
        in.mark(8);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            throw unsupported("bzip2");
        }
        if (magic.length >= 4 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X') {
            throw unsupported("xz");
        }
        return NONE;
    }

    /** The uncompressed content of a (possibly compressed) tar stream. */
    public static InputStream decompressed(InputStream raw) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 64 * 1024);
        return switch (detect(in)) {
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new com.github.luben.zstd.ZstdInputStream(in);
            case NONE -> in;
        };
    }

    private static BerthException unsupported(String what) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, "layer",
                "layer is compressed with " + what + ", which image layers may not use: only gzip, zstd or"
                        + " uncompressed tar are supported");
    }
}
