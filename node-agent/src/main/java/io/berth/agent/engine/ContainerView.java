package io.berth.agent.engine;

import java.util.List;
import java.util.Map;

/**
 * A container as the API shows it: its record plus what the node derives (file paths, root file system
 * directories, resolved mounts, sizes when asked). The scheduler renders Docker's JSON from it.
 */
public record ContainerView(ContainerRecord record, Paths paths, Map<String, String> graphDriver,
                            List<MountView> mounts, Sizes sizes) {

    /** Files Docker reports in {@code inspect}. */
    public record Paths(String logPath, String hostsPath, String hostnamePath, String resolvConfPath) {
    }

    /**
     * A mount as {@code inspect}'s {@code Mounts} shows it, plus what a restart needs to mount it again:
     * whether a volume is anonymous, and {@code options} (tmpfs options; {@code subpath=...} of a volume;
     * {@code create-source} for a {@code -v} bind whose missing source is created, as Docker does).
     */
    public record MountView(String type, String name, String source, String destination, String driver,
                            String mode, boolean rw, String propagation, boolean anonymous, List<String> options) {
        public MountView {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** {@code SizeRw} (the writable layer) and {@code SizeRootFs} (all layers); -1 when not computed. */
    public record Sizes(long rw, long rootFs) {
        public static final Sizes UNKNOWN = new Sizes(-1, -1);
    }
}
