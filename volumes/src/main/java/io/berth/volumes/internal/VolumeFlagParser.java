package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.volumes.BindMount;
import io.berth.volumes.MountRequest;
import io.berth.volumes.Propagation;
import io.berth.volumes.VolumeMount;
import io.berth.volumes.VolumeOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code -v/--volume [SOURCE:]TARGET[:MODE]} with Docker's Linux rules: an absolute source is a bind (created at
 * start when missing), another source names a volume, no source makes an anonymous volume; MODE is a comma list of
 * at most one each of {@code ro|rw}, {@code z|Z}, a propagation, {@code nocopy}, a consistency.
 */
public final class VolumeFlagParser {
    private static final Set<String> RW = Set.of("rw", "ro");
    private static final Set<String> LABEL = Set.of("z", "Z");
    private static final Set<String> CONSISTENCY = Set.of("consistent", "cached", "delegated");

    private final Path workingDirectory;

    /** @param workingDirectory where the client ran, to resolve {@code ./x} and {@code ../x}; null to refuse them */
    public VolumeFlagParser(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public MountRequest parse(String spec) {
        String raw = resolveRelative(spec);
        String[] arr = raw.split(":", 4);
        if (arr[0].isEmpty()) {
            throw invalidSpec(raw);
        }
        String source = "";
        String target;
        String mode = "";
        switch (arr.length) {
            case 1 -> target = arr[0];
            case 2 -> {
                if (validMode(arr[1])) {
                    throw invalidSpec(raw); // a destination with a mode but no source: "/foo:rw"
                }
                source = arr[0];
                target = arr[1];
            }
            case 3 -> {
                source = arr[0];
                target = arr[1];
                mode = arr[2];
            }
            default -> throw invalidSpec(raw);
        }
        if (!validMode(mode)) {
            throw MountErrors.invalid("-v " + raw, "invalid mode: " + mode);
        }
        return GoPaths.isAbs(source) ? bind(raw, source, target, mode) : volume(raw, source, target, mode);
    }

    private MountRequest bind(String raw, String source, String target, String mode) {
        if (has(mode, "nocopy")) {
            throw invalidConfig(raw, "bind", "field VolumeOptions must not be specified");
        }
        checkTarget(raw, "bind", target);
        Propagation propagation = Propagation.DEFAULT;
        for (String o : mode.split(",")) {
            propagation = Propagation.of(o).orElse(propagation);
        }
        return new BindMount(GoPaths.clean(source), GoPaths.clean(target), has(mode, "ro"), propagation,
                BindMount.Recursion.ENABLED, true);
    }

    private MountRequest volume(String raw, String source, String target, String mode) {
        for (String o : mode.split(",")) {
            if (Propagation.of(o).isPresent()) {
                throw invalidConfig(raw, "volume", "field BindOptions must not be specified");
            }
        }
        checkTarget(raw, "volume", target);
        VolumeOptions options = VolumeOptions.DEFAULT.withNoCopy(has(mode, "nocopy"));
        if (source.isEmpty()) {
            return new VolumeMount(null, GoPaths.clean(target), has(mode, "ro"), true, options);
        }
        VolumeNames.validate(source);
        return new VolumeMount(source, GoPaths.clean(target), has(mode, "ro"), false, options);
    }

    private String resolveRelative(String spec) {
        int colon = spec.indexOf(':');
        if (workingDirectory == null || colon < 0 || !spec.startsWith(".")) {
            return spec;
        }
        String host = spec.substring(0, colon);
        return workingDirectory.resolve(host).normalize() + spec.substring(colon);
    }

    private static void checkTarget(String raw, String type, String target) {
        String problem = MountErrors.checkTarget(target);
        if (problem != null) {
            throw invalidConfig(raw, type, problem);
        }
    }

    /** Docker's {@code linuxValidMountMode}: each option known, at most one of each kind. */
    static boolean validMode(String mode) {
        if (mode.isEmpty()) {
            return true;
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String o : mode.split(",", -1)) {
            String kind;
            if (RW.contains(o)) {
                kind = "rw";
            } else if (LABEL.contains(o)) {
                kind = "label";
            } else if (Propagation.of(o).isPresent()) {
                kind = "propagation";
            } else if (o.equals("nocopy")) {
                kind = "copy";
            } else if (CONSISTENCY.contains(o)) {
                kind = "consistency";
            } else {
                return false;
            }
            if (counts.merge(kind, 1, Integer::sum) > 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(String mode, String option) {
        for (String o : mode.split(",")) {
            if (o.equals(option)) {
                return true;
            }
        }
        return false;
    }

    private static BerthException invalidSpec(String raw) {
        return MountErrors.invalid("-v " + raw, "invalid volume specification: '" + raw + "'");
    }

    private static BerthException invalidConfig(String raw, String type, String detail) {
        return MountErrors.invalid("-v " + raw,
                "invalid volume specification: '" + raw + "': " + MountErrors.config(type, detail));
    }
}
