package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerService;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.image.Change;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.Images;
import io.berth.agent.image.NewImage;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.events.EventLog;
import io.berth.scheduler.internal.files.Mknod;
import io.berth.scheduler.internal.files.PathStat;
import io.berth.scheduler.internal.files.RootPath;
import io.berth.scheduler.internal.files.TarExport;
import io.berth.scheduler.internal.files.TarExtract;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's file system through the API: {@code diff}, {@code commit}, {@code export} and {@code cp}
 * ({@code archive}). A running container's files are read and written through {@code /proc/<pid>/root}, so
 * its volumes and binds are seen as inside the container (as Docker does); a stopped one's through its root
 * filesystem, mounted if needed (and left mounted, as the engine keeps it until the container is removed).
 */
public final class ContainerFiles {
    private static final Set<String> KERNEL_FILESYSTEMS = Set.of("proc", "sysfs", "cgroup", "cgroup2", "mqueue",
            "devpts", "securityfs", "debugfs", "tracefs", "bpf");

    private final ContainerService containers;
    private final Images images;
    private final EventLog events;
    private final Mknod mknod;

    public ContainerFiles(ContainerService containers, Images images, EventLog events, Mknod mknod) {
        this.containers = containers;
        this.images = images;
        this.events = events;
        this.mknod = mknod;
    }

    /** {@code docker diff}. */
    public List<Change> changes(String ref) throws IOException {
        return images.rootfs().diff(containers.resolve(ref).id());
    }

    /** What {@code POST /commit} asks for besides the container. */
    public record CommitRequest(String repo, String tag, String comment, String author, boolean pause,
                                List<String> changes, ContainerConfig config) {
    }

    /** {@code docker commit}: pauses a running container for the time (unless asked not to), as Docker. */
    public Image commit(String ref, CommitRequest request) throws IOException {
        ContainerRecord record = containers.resolve(ref);
        List<String> names = request.repo() == null || request.repo().isEmpty() ? List.of()
                : List.of(ImageReference.parse(request.repo() + (request.tag() == null || request.tag().isEmpty()
                        ? "" : ":" + request.tag())).normalized());
        List<String> changes = CommitChanges.of(record.config(), request.config(), request.changes());
        boolean pause = request.pause() && record.state().status() == ContainerStatus.RUNNING;
        if (pause) {
            containers.pause(record.id());
        }
        Image image;
        try {
            image = images.rootfs().commit(record.id(), new NewImage(changes, request.author(), request.comment(),
                    createdBy(record), names));
        } finally {
            if (pause) {
                containers.unpause(record.id());
            }
        }
        Map<String, String> attributes = attributes(record);
        attributes.put("comment", request.comment() == null ? "" : request.comment());
        attributes.put("imageID", image.id().toString());
        attributes.put("imageRef", names.isEmpty() ? "" : ImageReference.parse(names.get(0)).familiar());
        events.publish("container", "commit", record.id(), attributes);
        return image;
    }

    private static String createdBy(ContainerRecord record) {
        List<String> args = new ArrayList<>();
        if (record.config().entrypoint() != null) {
            args.addAll(record.config().entrypoint());
        }
        if (record.config().cmd() != null) {
            args.addAll(record.config().cmd());
        }
        return String.join(" ", args);
    }

    /** {@code docker export}: the whole root filesystem as a tar. */
    public void export(String ref, OutputStream out) throws IOException {
        ContainerRecord record = containers.resolve(ref);
        images.rootfs().export(record.id(), out);
        events.publish("container", "export", record.id(), attributes(record));
    }

    /** {@code HEAD /containers/{id}/archive}: NOT_FOUND when the path does not exist in the container. */
    public PathStat stat(String ref, String path) throws IOException {
        ContainerRecord record = containers.resolve(ref);
        return stat(record, root(record), path);
    }

    private static PathStat stat(ContainerRecord record, Root root, String path) throws IOException {
        RootPath file = RootPath.resolve(root.dir(), path, false);
        if (!file.exists()) {
            throw new BerthException(ErrorCategory.NOT_FOUND, path, "Could not find the file " + path
                    + " in container " + record.name());
        }
        String linkTarget = Files.isSymbolicLink(file.host())
                ? RootPath.resolve(root.dir(), path, true).container() : "";
        return PathStat.of(file.host(), file.name(), linkTarget);
    }

    /** An archive about to be streamed: its stat (for the header) and the writer of its tar. */
    public interface Archive {
        PathStat stat();

        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * {@code GET /containers/{id}/archive}: resolves and stats {@code path} now (errors before any byte), the
     * tar is written by {@link Archive#writeTo}. A path ending in {@code /.} archives the directory's content.
     */
    public Archive archive(String ref, String path) throws IOException {
        ContainerRecord record = containers.resolve(ref);
        Root root = root(record);
        PathStat stat = stat(record, root, path);
        if (path.endsWith("/") && !stat.isDirectory() && !path.equals("/")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, path, "not a directory: " + path);
        }
        RootPath file = RootPath.resolve(root.dir(), path, false);
        String base = path.endsWith("/.") || file.container().equals("/") ? "." : file.name();
        return new Archive() {
            @Override
            public PathStat stat() {
                return stat;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                TarExport.write(file.host(), base, root.skip(), out);
                events.publish("container", "archive-path", record.id(), attributes(record));
            }
        };
    }

    /** {@code PUT /containers/{id}/archive}: extracts a tar into the directory {@code path} of the container. */
    public void extract(String ref, String path, boolean noOverwriteDirNonDir, boolean copyUidGid, InputStream tar)
            throws IOException {
        ContainerRecord record = containers.resolve(ref);
        if (Boolean.TRUE.equals(record.hostConfig().readonlyRootfs())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, record.name(),
                    "container rootfs is marked read-only");
        }
        Root root = root(record);
        RootPath dir = RootPath.resolve(root.dir(), path, true);
        if (!dir.exists()) {
            throw new BerthException(ErrorCategory.NOT_FOUND, path, "Could not find the file " + path
                    + " in container " + record.name());
        }
        if (!Files.isDirectory(dir.host(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, path, "extraction point is not a directory");
        }
        int[] owner = copyUidGid ? ContainerUsers.lookup(root.dir(), record.config().user()) : new int[] {-1, -1};
        new TarExtract(root.dir(), dir.container(), new TarExtract.Options(noOverwriteDirNonDir, owner[0], owner[1]),
                mknod).extract(tar);
        events.publish("container", "extract-to-dir", record.id(), attributes(record));
    }

    /** Where a container's files are on the host, and the kernel's mounts not to descend into. */
    private record Root(Path dir, Set<Path> skip) {
    }

    private Root root(ContainerRecord record) throws IOException {
        int pid = record.state().pid();
        if (record.state().status().isAlive() && pid > 0 && Files.isDirectory(Path.of("/proc/" + pid + "/root/."))) {
            Path dir = Path.of("/proc/" + pid + "/root/.");
            return new Root(dir, kernelMounts(pid, dir));
        }
        return new Root(images.rootfs().mount(record.id(), Digest.parse(record.imageId())).merged(), Set.of());
    }

    /** Mount points of proc, sysfs, cgroup… in the container's mount namespace, as host paths under its root. */
    private static Set<Path> kernelMounts(int pid, Path root) {
        Set<Path> skip = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/mountinfo"))) {
                String[] fields = line.split(" ");
                int dash = line.indexOf(" - ");
                if (fields.length < 5 || dash < 0) {
                    continue;
                }
                String fstype = line.substring(dash + 3).split(" ")[0];
                if (KERNEL_FILESYSTEMS.contains(fstype)) {
                    String point = fields[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
                    skip.add(root.resolve(point.substring(1)));
                }
            }
        } catch (IOException e) {
            return skip; // the container ended meanwhile: reading its files fails next, with a clear error
        }
        return skip;
    }

    private static Map<String, String> attributes(ContainerRecord record) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("name", record.name());
        attributes.put("image", record.image());
        return attributes;
    }
}
