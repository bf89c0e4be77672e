package io.berth.agent.image.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Ingest;
import io.berth.agent.image.internal.content.FileContentStore;
import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.agent.image.internal.layer.LayerUnpacker;
import io.berth.agent.image.internal.layer.TreeDelete;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Unpack benchmark (run by node-agent/bench/image-unpack.sh): a gzip layer, from the debootstrap image of
 * samples/base-images/make-debian.sh when /var/cache/berth has it, else a generated one (100 MiB, 9,000 files).
 * Prints a table: unpack only; "pull-like" (verified ingest of the blob into the content store, then unpack);
 * GNU tar -xzf of the same file for reference. Median of 5 runs after one warm-up.
 */
public final class UnpackBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(Path.of("/tmp"), "bt-bench");
        try {
            Path layer = args.length > 0 ? Path.of(args[0]) : defaultLayer(work);
            System.out.printf("layer %s: %.1f MiB compressed%n", layer, Files.size(layer) / 1048576.0);
            NativeFs fs = new NativeFs();
            report("unpack (gzip → snapshot dir)", measure(work, target -> {
                try (InputStream in = Files.newInputStream(layer)) {
                    new LayerUnpacker(fs).unpack(in, target);
                }
            }));
            Digest digest;
            try (InputStream in = Files.newInputStream(layer)) {
                var sha = Digest.newSha256();
                byte[] buf = new byte[1 << 20];
                for (int n; (n = in.read(buf)) > 0; ) {
                    sha.update(buf, 0, n);
                }
                digest = Digest.of(sha);
            }
            report("ingest (verified) + unpack", measure(work, target -> {
                FileContentStore store = new FileContentStore(target.resolveSibling(target.getFileName() + "-content"));
                try (Ingest ingest = store.ingest(digest, Files.size(layer)); InputStream in = Files.newInputStream(layer)) {
                    in.transferTo(ingest.output());
                    ingest.commit();
                }
                try (InputStream in = store.open(digest)) {
                    new LayerUnpacker(fs).unpack(in, target);
                }
                TreeDelete.delete(target.resolveSibling(target.getFileName() + "-content"));
            }));
            report("GNU tar -xzf (reference)", measure(work, target -> {
                Process p = new ProcessBuilder("tar", "-xzf", layer.toString(), "-C", target.toString(),
                        "--numeric-owner", "--xattrs").inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IOException("tar failed");
                }
            }));
        } finally {
            TreeDelete.delete(work);
        }
    }

    interface Run {
        void into(Path target) throws Exception;
    }

    private static List<Long> measure(Path work, Run run) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path target = Files.createDirectory(work.resolve("t" + System.nanoTime()));
            long start = System.nanoTime();
            run.into(target);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i > 0) {
                times.add(ms);
            }
            TreeDelete.delete(target);
        }
        return times;
    }

    private static void report(String what, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%-32s median %5d ms   min %5d ms   runs %s%n", what, sorted.get(sorted.size() / 2),
                sorted.get(0), times);
    }

    private static Path defaultLayer(Path work) throws IOException {
        Path debian = Path.of("/var/cache/berth/debian-bookworm.tar");
        Path cached = Path.of("/var/cache/berth/bench-debian-layer.tar.gz");
        if (Files.exists(cached)) {
            return cached;
        }
        if (Files.exists(debian)) {
            gzipLayerOf(debian, cached);
            return cached;
        }
        Path generated = work.resolve("generated.tar.gz");
        generate(generated);
        return generated;
    }

    /** The first layer of a docker-archive, gzip-compressed (as a registry would serve it). */
    private static void gzipLayerOf(Path archive, Path out) throws IOException {
        String layerName;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            byte[] manifest = null;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    manifest = tar.readAllBytes();
                }
            }
            layerName = JSON.readTree(manifest).get(0).path("Layers").get(0).asText();
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)));
             OutputStream gz = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.getName().equals(layerName)) {
                    tar.transferTo(gz);
                }
            }
        }
    }

    /** 9,000 files in 300 directories, 100 MiB of half-compressible content. */
    private static void generate(Path out) throws IOException {
        Random random = new Random(42);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            long perFile = 100L * 1048576 / 9000;
            for (int d = 0; d < 300; d++) {
                tar.putArchiveEntry(new TarArchiveEntry("usr/share/d" + d + "/"));
                tar.closeArchiveEntry();
                for (int f = 0; f < 30; f++) {
                    byte[] data = new byte[(int) perFile];
                    for (int i = 0; i < data.length; i += 2) {
                        data[i] = (byte) random.nextInt(256);
                    }
                    TarArchiveEntry e = new TarArchiveEntry("usr/share/d" + d + "/f" + f);
                    e.setSize(data.length);
                    tar.putArchiveEntry(e);
                    tar.write(data);
                    tar.closeArchiveEntry();
                }
            }
        }
    }
}
