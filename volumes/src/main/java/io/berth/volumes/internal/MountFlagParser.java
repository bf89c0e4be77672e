package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.volumes.MountRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --mount type=bind|volume|tmpfs,source=,target=,...} as docker/cli reads it: a CSV record of
 * {@code key=value} fields (keys case-insensitive, no whitespace around keys or values), boolean fields
 * ({@code readonly}, {@code ro}, {@code volume-nocopy}, {@code bind-nonrecursive}, {@code bind-create-src}) that
 * may stand alone; then the daemon's checks (absolute target not {@code /}, bind source exists...).
 */
public final class MountFlagParser {
    private final Path workingDirectory;

    /** @param workingDirectory where the client ran, to resolve {@code source=./x}; null to refuse it */
    public MountFlagParser(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public MountRequest parse(String value) {
        String trimmed = value.strip();
        try {
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("value is empty");
            }
            List<String> fields;
            fields = Csv.readRecord(trimmed);
            MountFields m = new MountFields();
            for (String field : fields) {
                apply(m, field);
            }
            m.validateClientSide();
            return new MountValidator(value, m).toRequest();
        } catch (IllegalArgumentException e) {
            throw MountErrors.invalid("--mount " + value,
                    "invalid argument \"" + value + "\" for \"--mount\" flag: " + e.getMessage());
        }
    }

    private void apply(MountFields m, String field) {
        int eq = field.indexOf('=');
        boolean hasValue = eq >= 0;
        String key = hasValue ? field.substring(0, eq) : field;
        String val = hasValue ? field.substring(eq + 1) : "";
        if (!key.strip().equals(key)) {
            throw new IllegalArgumentException("invalid option '" + key.strip() + "' in '" + field
                    + "': option should not have whitespace");
        }
        if (hasValue) {
            if (val.strip().isEmpty()) {
                throw new IllegalArgumentException("invalid value for '" + key + "': value is empty");
            }
            if (!val.strip().equals(val)) {
                throw new IllegalArgumentException("invalid value for '" + key + "' in '" + field
                        + "': value should not have whitespace");
            }
        }
        key = key.toLowerCase(Locale.ROOT);
        if (!hasValue && !List.of("readonly", "ro", "volume-nocopy", "bind-nonrecursive", "bind-create-src")
                .contains(key)) {
            throw new IllegalArgumentException("invalid field '" + field + "' must be a key=value pair");
        }
        switch (key) {
            case "type" -> m.type = val.toLowerCase(Locale.ROOT);
            case "source", "src" -> m.source = absolutize(val);
            case "target", "dst", "destination" -> m.target = val;
            case "readonly", "ro" -> m.readOnly = bool(key, val, hasValue);
            case "consistency" -> m.consistency = val.toLowerCase(Locale.ROOT);
            default -> applyTyped(m, key, val, hasValue, field);
        }
    }

    private static void applyTyped(MountFields m, String key, String val, boolean hasValue, String field) {
        switch (key) {
            case "bind-propagation" -> m.bind().propagation = val.toLowerCase(Locale.ROOT);
            case "bind-nonrecursive" -> m.bind().nonRecursive = bool(key, val, hasValue);
            case "bind-recursive" -> m.bind().recursive(val);
            case "bind-create-src" -> m.bind().createSource = bool(key, val, hasValue);
            case "volume-subpath" -> m.volume().subpath = val;
            case "volume-nocopy" -> m.volume().noCopy = bool(key, val, hasValue);
            case "volume-label" -> m.volume().putLabel(val);
            case "volume-driver" -> m.volume().driver().name = val;
            case "volume-opt" -> m.volume().driver().putOption(val);
            case "image-subpath" -> m.imageOptions = true;
            case "tmpfs-size" -> {
                try {
                    m.tmpfs().sizeBytes = GoUnits.ramInBytes(val);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value for " + key + ": " + val);
                }
            }
            case "tmpfs-mode" -> {
                try {
                    long mode = Long.parseLong(val, 8);
                    if (mode < 0 || mode > 0xFFFFFFFFL) {
                        throw new NumberFormatException(val);
                    }
                    m.tmpfs().mode = (int) mode;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid value for " + key + ": " + val);
                }
            }
            default -> throw new IllegalArgumentException("unknown option '" + key + "' in '" + field + "'");
        }
    }

    private String absolutize(String source) {
        if (workingDirectory != null && !GoPaths.isAbs(source) && source.startsWith(".")) {
            return workingDirectory.resolve(source).normalize().toString();
        }
        return source;
    }

    /** docker/cli's {@code parseBoolValue}: no value means true; only 1, true, 0, false. */
    static boolean bool(String key, String val, boolean hasValue) {
        if (!hasValue) {
            return true;
        }
        return switch (val) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value for '" + key + "': invalid boolean value (\""
                    + val + "\"): must be one of \"true\", \"1\", \"false\", or \"0\" (default \"true\")");
        };
    }

    /** For a caller that wants the mount error as Docker's daemon words it, without the flag prefix. */
    static BerthException daemonError(String value, String message) {
        return MountErrors.invalid("--mount " + value, message);
    }
}
