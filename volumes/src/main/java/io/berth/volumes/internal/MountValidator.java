package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.BindMount;
import io.berth.volumes.MountRequest;
import io.berth.volumes.Propagation;
import io.berth.volumes.TmpfsMount;
import io.berth.volumes.VolumeMount;
import io.berth.volumes.VolumeOptions;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's checks of a {@code --mount} (moby's {@code validateMountConfig}, with the bind source's existence
 * checked) and its conversion into a {@link MountRequest}. Errors are Docker's
 * {@code invalid mount config for type "bind": ...}.
 */
final class MountValidator {
    private final String value;
    private final MountFields m;

    MountValidator(String value, MountFields m) {
        this.value = value;
        this.m = m;
    }

    MountRequest toRequest() {
        String problem = MountErrors.checkTarget(m.target);
        if (problem != null) {
            throw fail(problem);
        }
        String target = GoPaths.clean(m.target);
        return switch (m.type) {
            case "bind" -> bind(target);
            case "volume" -> volume(target);
            case "tmpfs" -> tmpfs(target);
            case "image", "npipe", "cluster" -> throw fail("mount type not supported by berth: use bind, volume or tmpfs");
            default -> throw fail("mount type unknown");
        };
    }

    private BindMount bind(String target) {
        if (m.source.isEmpty()) {
            throw fail("field Source must not be empty");
        }
        MountFields.Bind b = m.bindOptions == null ? new MountFields.Bind() : m.bindOptions;
        Propagation propagation = Propagation.DEFAULT;
        if (!b.propagation.isEmpty()) {
            propagation = Propagation.of(b.propagation)
                    .orElseThrow(() -> fail("invalid propagation mode: " + b.propagation));
        }
        if (!GoPaths.isAbs(m.source)) {
            throw fail(MountErrors.notAbsolute(m.source));
        }
        String source = GoPaths.clean(m.source);
        if (!b.createSource && !Files.exists(Path.of(source), LinkOption.NOFOLLOW_LINKS)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "--mount " + value,
                    MountErrors.config("bind", "bind source path does not exist: " + source)
                            + ": create it first, or add bind-create-src to the --mount value");
        }
        BindMount.Recursion recursion = BindMount.Recursion.ENABLED;
        if (b.nonRecursive) {
            recursion = BindMount.Recursion.DISABLED;
        } else if (b.readOnlyNonRecursive) {
            recursion = BindMount.Recursion.WRITABLE;
        } else if (b.readOnlyForceRecursive) {
            recursion = BindMount.Recursion.READONLY;
        }
        return new BindMount(source, target, m.readOnly, propagation, recursion, b.createSource);
    }

    private VolumeMount volume(String target) {
        MountFields.Volume v = m.volumeOptions == null ? new MountFields.Volume() : m.volumeOptions;
        boolean anonymous = m.source.isEmpty();
        if (!v.subpath.isEmpty()) {
            if (anonymous) {
                throw fail("must not set Subpath when using anonymous volumes");
            }
            if (!GoPaths.isLocal(v.subpath)) {
                throw fail("subpath must be a relative path within the volume");
            }
        }
        String driver = v.driverConfig == null || v.driverConfig.name.isEmpty()
                ? VolumeOptions.LOCAL_DRIVER : v.driverConfig.name;
        if (!driver.equals(VolumeOptions.LOCAL_DRIVER)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "--mount " + value, "volume driver \""
                    + driver + "\" is not available: berth has only the \"local\" driver; drop volume-driver");
        }
        if (!anonymous) {
            VolumeNames.validate(m.source);
        }
        VolumeOptions options = new VolumeOptions(driver,
                v.driverConfig == null ? java.util.Map.of() : v.driverConfig.options, v.labels, v.noCopy,
                v.subpath.isEmpty() ? "" : GoPaths.clean(v.subpath));
        return new VolumeMount(anonymous ? null : m.source, target, m.readOnly, anonymous, options);
    }

    private TmpfsMount tmpfs(String target) {
        if (!m.source.isEmpty()) {
            throw fail("field Source must not be specified");
        }
        List<String> options = new ArrayList<>();
        if (m.readOnly) {
            options.add("ro");
        }
        MountFields.Tmpfs t = m.tmpfsOptions;
        if (t != null && t.mode != 0) {
            options.add("mode=" + Integer.toOctalString(t.mode));
        }
        if (t != null && t.sizeBytes != 0) {
            options.add("size=" + GoUnits.tmpfsSize(t.sizeBytes));
        }
        return new TmpfsMount(target, options);
    }

    private BerthException fail(String detail) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, "--mount " + value,
                MountErrors.config(m.type, detail));
    }
}
