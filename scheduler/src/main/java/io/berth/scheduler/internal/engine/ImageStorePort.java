package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ImagePort;
import io.berth.agent.engine.spec.HealthConfig;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.Images;
import io.berth.agent.image.spec.ImageConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's {@link ImagePort} over the node's image subsystem ({@link Images}). */
public final class ImageStorePort implements ImagePort {
    private final Images images;

    public ImageStorePort(Images images) {
        this.images = images;
    }

    @Override
    public LocalImage resolve(String reference) {
        try {
            Image image = images.store().get(reference);
            ImageConfig config = images.store().config(image);
            return new LocalImage(image.id().toString(), reference, defaults(config.config()), image.size());
        } catch (IOException e) {
            throw io("read image " + reference, e);
        }
    }

    static ImageDefaults defaults(ImageConfig.Config c) {
        if (c == null) {
            return ImageDefaults.empty();
        }
        return new ImageDefaults(orEmpty(c.env()), orEmpty(c.cmd()), orEmpty(c.entrypoint()),
                c.workingDir() == null ? "" : c.workingDir(), c.user() == null ? "" : c.user(),
                c.volumes() == null ? Map.of() : new LinkedHashMap<>(c.volumes()),
                c.exposedPorts() == null ? Map.of() : new LinkedHashMap<>(c.exposedPorts()),
                c.labels() == null ? Map.of() : c.labels(), c.stopSignal() == null ? "" : c.stopSignal(),
                health(c.healthcheck()));
    }

    private static HealthConfig health(ImageConfig.HealthConfig h) {
        if (h == null || h.test() == null || h.test().isEmpty()) {
            return null;
        }
        return new HealthConfig(h.test(), nz(h.interval()), nz(h.timeout()), nz(h.startPeriod()),
                nz(h.startInterval()), h.retries() == null ? 0 : h.retries());
    }

    @Override
    public RootFs mountRootfs(String containerId, String imageId) {
        try {
            io.berth.agent.image.RootFs rootfs = images.rootfs().mount(containerId, Digest.parse(imageId));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("MergedDir", rootfs.merged().toString());
            data.put("UpperDir", rootfs.upper().toString());
            data.put("WorkDir", rootfs.work().toString());
            return new RootFs(rootfs.merged(), data);
        } catch (IOException e) {
            throw io("mount the root file system of container " + containerId, e);
        }
    }

    @Override
    public void unmountRootfs(String containerId) {
        try {
            images.rootfs().unmount(containerId);
        } catch (IOException e) {
            throw io("unmount the root file system of container " + containerId, e);
        }
    }

    @Override
    public void removeRootfs(String containerId) {
        try {
            images.rootfs().remove(containerId);
        } catch (IOException e) {
            throw io("remove the root file system of container " + containerId, e);
        }
    }

    @Override
    public long writableSize(String containerId) {
        try {
            return images.rootfs().get(containerId).map(r -> size(r.upper())).orElse(0L);
        } catch (IOException e) {
            throw io("measure container " + containerId, e);
        }
    }

    @Override
    public Map<String, String> graphDriver(String containerId) {
        try {
            return images.rootfs().get(containerId).map(r -> Map.of("MergedDir", r.merged().toString(),
                    "UpperDir", r.upper().toString(), "WorkDir", r.work().toString())).orElse(Map.of());
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static long size(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static BerthException io(String what, IOException e) {
        return new BerthException(ErrorCategory.INTERNAL, null, "cannot " + what + ": " + e.getMessage(), e);
    }
}
