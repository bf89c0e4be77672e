package io.berth.agent.image.internal.rootfs;

import io.berth.agent.image.internal.fs.NativeFs;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Mounts overlayfs with the mount(2) system call (no {@code mount} process). The whole option string must fit
 * in one page (4,095 bytes and a NUL): with snapshot paths of {@code <dataRoot>/s/xyz} each layer costs
 * {@code len(dataRoot) + 7} bytes, so 128 layers fit with a data root of up to 20 characters
 * ({@code /var/lib/berth} is 14). Beyond that the mount is refused with an error that says so.
 */
final class OverlayMount {
    static final int PAGE = 4096;
    private final NativeFs fs;

    OverlayMount(NativeFs fs) {
        this.fs = fs;
    }

    /** The mount data for lower directories given top first. */
    static String options(List<Path> lowerTopFirst, Path upper, Path work) {
        StringBuilder sb = new StringBuilder("lowerdir=");
        for (int i = 0; i < lowerTopFirst.size(); i++) {
            sb.append(i == 0 ? "" : ":").append(lowerTopFirst.get(i));
        }
        return sb.append(",upperdir=").append(upper).append(",workdir=").append(work)
                .append(",index=off,redirect_dir=off").toString();
    }

    void mount(List<Path> lowerTopFirst, Path upper, Path work, Path merged) throws IOException {
        String data = options(lowerTopFirst, upper, work);
        if (data.length() >= PAGE) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "rootfs " + merged,
                    "the image has " + lowerTopFirst.size() + " layers: overlayfs options of " + data.length()
                            + " bytes do not fit in one page (" + (PAGE - 1) + "); squash the image into fewer layers"
                            + " or use a shorter data root");
        }
        fs.mount("overlay", merged, "overlay", 0, data);
    }

    /** Whether a path is a mount point now (from /proc/self/mountinfo). */
    static boolean isMounted(Path path) throws IOException {
        String wanted = " " + path.toAbsolutePath() + " ";
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            int a = line.indexOf(' ', line.indexOf(' ', line.indexOf(' ', line.indexOf(' ') + 1) + 1) + 1);
            if (a >= 0 && line.startsWith(wanted, a)) {
                return true;
            }
        }
        return false;
    }
}
