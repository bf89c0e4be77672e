package io.berth.volumes.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of one {@code --mount} value while it is read, as docker/cli's {@code mount.Mount} holds them. */
final class MountFields {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly;
    String consistency = "";
    Bind bindOptions;
    Volume volumeOptions;
    Tmpfs tmpfsOptions;
    boolean imageOptions;

    static final class Bind {
        String propagation = "";
        boolean nonRecursive;
        boolean readOnlyNonRecursive;
        boolean readOnlyForceRecursive;
        boolean createSource;

        void recursive(String val) {
            switch (val) {
                case "enabled" -> {
                }
                case "disabled" -> nonRecursive = true;
                case "writable" -> readOnlyNonRecursive = true;
                case "readonly" -> readOnlyForceRecursive = true;
                default -> throw new IllegalArgumentException("invalid value for bind-recursive: " + val
                        + " (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")");
            }
        }
    }

    static final class Volume {
        String subpath = "";
        boolean noCopy;
        final Map<String, String> labels = new LinkedHashMap<>();
        Driver driverConfig;

        Driver driver() {
            if (driverConfig == null) {
                driverConfig = new Driver();
            }
            return driverConfig;
        }

        void putLabel(String keyValue) {
            put(labels, keyValue);
        }
    }

    static final class Driver {
        String name = "";
        final Map<String, String> options = new LinkedHashMap<>();

        void putOption(String keyValue) {
            put(options, keyValue);
        }
    }

    static final class Tmpfs {
        long sizeBytes;
        int mode;
    }

    Bind bind() {
        if (bindOptions == null) {
            bindOptions = new Bind();
        }
        return bindOptions;
    }

    Volume volume() {
        if (volumeOptions == null) {
            volumeOptions = new Volume();
        }
        return volumeOptions;
    }

    Tmpfs tmpfs() {
        if (tmpfsOptions == null) {
            tmpfsOptions = new Tmpfs();
        }
        return tmpfsOptions;
    }

    /** docker/cli's {@code setValueOnMap}: {@code k=v}, {@code k} (empty value); an empty key is ignored. */
    private static void put(Map<String, String> map, String keyValue) {
        int eq = keyValue.indexOf('=');
        String k = eq < 0 ? keyValue : keyValue.substring(0, eq);
        String v = eq < 0 ? "" : keyValue.substring(eq + 1);
        if (!k.isEmpty()) {
            map.put(k, v);
        }
    }

    /** docker/cli's {@code validateMountOptions}: options of one type only, and bind-recursive's companions. */
    void validateClientSide() {
        if (type.isEmpty()) {
            throw new IllegalArgumentException("type is required");
        }
        mix(bindOptions != null, "bind", "bind-*");
        mix(volumeOptions != null, "volume", "volume-*");
        mix(imageOptions, "image", "image-*");
        mix(tmpfsOptions != null, "tmpfs", "tmpfs-*");
        if (bindOptions != null) {
            if (bindOptions.readOnlyNonRecursive && !readOnly) {
                throw new IllegalArgumentException(
                        "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
            }
            if (bindOptions.readOnlyForceRecursive) {
                if (!readOnly) {
                    throw new IllegalArgumentException(
                            "option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
                }
                if (!bindOptions.propagation.equals("rprivate")) {
                    throw new IllegalArgumentException("option 'bind-recursive=readonly' requires "
                            + "'bind-propagation=rprivate' to be specified in conjunction");
                }
            }
        }
    }

    private void mix(boolean present, String owner, String pattern) {
        if (present && !type.equals(owner)) {
            throw new IllegalArgumentException("cannot mix '" + pattern + "' options with mount type '" + type + "'");
        }
    }
}
