package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Docker's {@code --mount} (CSV of key=value) and {@code -v} ({@code src:dst[:opts]}) values. */
final class Mounts {
    private Mounts() {
    }

    /** {@code -v} split into source, target and options (one element for an anonymous volume). */
    static String[] splitVolume(String v) {
        String[] parts = v.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty() || parts[parts.length - 1].isEmpty() && parts.length > 1) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, v, "invalid volume specification: '" + v
                    + "' (use [SOURCE:]TARGET[:OPTIONS])");
        }
        if (parts.length >= 2 && !parts[1].startsWith("/")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, v, "invalid volume specification: '" + v
                    + "': invalid mount config: mount path must be absolute");
        }
        if (parts.length == 1 && !parts[0].startsWith("/")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, v, "invalid volume specification: '" + v
                    + "': mount path must be absolute");
        }
        return parts;
    }

    /** The {@code Mounts} of the host config. */
    static List<Object> parse(List<String> specs, Path cwd) {
        List<Object> out = new ArrayList<>();
        for (String spec : specs) {
            out.add(one(spec, cwd));
        }
        return out;
    }

    private static Map<String, Object> one(String spec, Path cwd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Type", "volume");
        Map<String, Object> bind = new LinkedHashMap<>();
        Map<String, Object> volume = new LinkedHashMap<>();
        Map<String, Object> tmpfs = new LinkedHashMap<>();
        Map<String, Object> volumeLabels = new LinkedHashMap<>();
        Map<String, Object> driverOpts = new LinkedHashMap<>();
        String driver = null;
        for (String field : csv(spec)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT).strip();
            String value = eq < 0 ? null : field.substring(eq + 1);
            switch (key) {
                case "type" -> m.put("Type", need(spec, key, value));
                case "source", "src" -> m.put("Source", need(spec, key, value));
                case "target", "dst", "destination" -> m.put("Target", need(spec, key, value));
                case "readonly", "ro" -> m.put("ReadOnly", bool(spec, key, value));
                case "consistency" -> m.put("Consistency", need(spec, key, value));
                case "bind-propagation" -> bind.put("Propagation", need(spec, key, value));
                case "bind-nonrecursive" -> bind.put("NonRecursive", bool(spec, key, value));
                case "volume-nocopy" -> volume.put("NoCopy", bool(spec, key, value));
                case "volume-subpath" -> volume.put("Subpath", need(spec, key, value));
                case "volume-label" -> kv(volumeLabels, spec, need(spec, key, value));
                case "volume-driver" -> driver = need(spec, key, value);
                case "volume-opt" -> kv(driverOpts, spec, need(spec, key, value));
                case "tmpfs-size" -> tmpfs.put("SizeBytes", io.berth.cli.format.Units.ramInBytes(need(spec, key, value)));
                case "tmpfs-mode" -> tmpfs.put("Mode", Integer.parseInt(need(spec, key, value), 8));
                default -> throw bad(spec, "unexpected key '" + key + "'");
            }
        }
        String type = (String) m.get("Type");
        if (!m.containsKey("Target")) {
            throw bad(spec, "target is required");
        }
        if (type.equals("bind")) {
            String src = (String) m.get("Source");
            if (src == null) {
                throw bad(spec, "source is required when specifying bind mounts");
            }
            if (!src.startsWith("/")) {
                m.put("Source", cwd.resolve(src).normalize().toString());
            }
            if (!bind.isEmpty()) {
                m.put("BindOptions", bind);
            }
        } else if (type.equals("volume")) {
            if (!volumeLabels.isEmpty()) {
                volume.put("Labels", volumeLabels);
            }
            if (driver != null || !driverOpts.isEmpty()) {
                Map<String, Object> dc = new LinkedHashMap<>();
                dc.put("Name", driver == null ? "local" : driver);
                dc.put("Options", driverOpts);
                volume.put("DriverConfig", dc);
            }
            if (!volume.isEmpty()) {
                m.put("VolumeOptions", volume);
            }
        } else if (type.equals("tmpfs")) {
            if (m.containsKey("Source")) {
                throw bad(spec, "source is not supported for tmpfs mounts");
            }
            if (!tmpfs.isEmpty()) {
                m.put("TmpfsOptions", tmpfs);
            }
        } else {
            throw bad(spec, "invalid mount type '" + type + "': use bind, volume or tmpfs");
        }
        return m;
    }

    private static List<String> csv(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String need(String spec, String key, String value) {
        if (value == null || value.isEmpty()) {
            throw bad(spec, "invalid field '" + key + "' must be a key=value pair");
        }
        return value;
    }

    private static boolean bool(String spec, String key, String value) {
        if (value == null) {
            return true;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw bad(spec, "invalid value for " + key + ": " + value);
        };
    }

    private static void kv(Map<String, Object> m, String spec, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw bad(spec, "invalid key=value '" + kv + "'");
        }
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static BerthException bad(String spec, String why) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, spec, "invalid argument \"" + spec
                + "\" for \"--mount\" flag: " + why);
    }
}
