package io.berth.volumes.internal;

import io.berth.volumes.TmpfsMount;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --tmpfs TARGET[:OPTIONS]}: an absolute target other than {@code /}, and mount options that tmpfs takes
 * ({@code ro}, {@code exec}, {@code size=64m}, {@code mode=1777}, {@code uid=}...). Docker checks the options only
 * when the container starts; here they are checked at once, with the same message.
 */
public final class TmpfsFlagParser {

    public TmpfsMount parse(String spec) {
        int colon = spec.indexOf(':');
        String target = colon < 0 ? spec : spec.substring(0, colon);
        String data = colon < 0 ? "" : spec.substring(colon + 1);
        String problem = MountErrors.checkTarget(target);
        if (problem != null) {
            throw MountErrors.invalid("--tmpfs " + spec, "invalid tmpfs specification '" + spec + "': " + problem);
        }
        List<String> options = data.isEmpty() ? List.of() : Arrays.asList(data.split(",", -1));
        try {
            MountFlags.mergeTmpfsOptions(options);
        } catch (IllegalArgumentException e) {
            throw MountErrors.invalid("--tmpfs " + spec, "invalid tmpfs specification '" + spec + "': "
                    + e.getMessage() + ": tmpfs takes ro, rw, exec, noexec, suid, nosuid, dev, nodev, size=, mode=, "
                    + "uid=, gid=, nr_inodes=");
        }
        return new TmpfsMount(GoPaths.clean(target), options);
    }
}
