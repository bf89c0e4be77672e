package io.berth.volumes;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.internal.GoPaths;
import io.berth.volumes.internal.SecureJoin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the container layer calls, at each step of a container's life, to turn its mount requests into mounts:
 * <ol>
 *   <li>create: {@link #resolve} (image VOLUMEs added, volumes created, anonymous ones named; keep the result in
 *       the container's record), then {@link #populate} with the container's root file system mounted;</li>
 *   <li>start: {@link #mount} gives the OCI mount entries for {@code config.json};</li>
 *   <li>exit/stop: {@link #unmount};</li>
 *   <li>remove with {@code -v} or {@code --rm}: {@link #removeAnonymous}.</li>
 * </ol>
 * Each step is all-or-nothing: on an error, what it did is undone.
 */
public final class ContainerMounts {
    private final VolumeStore store;
    private final OciMountConverter converter;

    public ContainerMounts(VolumeStore store, OciMountConverter converter) {
        this.store = store;
        this.converter = converter;
    }

    /**
     * Adds an anonymous volume for each image {@code VOLUME} no request covers, checks for duplicate targets,
     * creates missing named volumes (with the mount's {@code volume-opt}/{@code volume-label}) and the anonymous
     * ones, and returns the requests with every volume named.
     */
    public List<MountRequest> resolve(List<MountRequest> requests, Collection<String> imageVolumes) {
        List<MountRequest> all = new ArrayList<>(requests);
        Set<String> targets = new HashSet<>();
        requests.forEach(r -> targets.add(r.target()));
        for (String dir : imageVolumes) {
            String target = GoPaths.clean(dir);
            if (GoPaths.isAbs(target) && !target.equals("/") && targets.add(target)) {
                all.add(VolumeMount.anonymous(target));
            }
        }
        MountSpecParser.checkDuplicates(all);
        List<String> created = new ArrayList<>();
        try {
            List<MountRequest> out = new ArrayList<>();
            for (MountRequest r : all) {
                out.add(r instanceof VolumeMount v ? ensureVolume(v, created) : r);
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            created.forEach(name -> removeQuietly(name));
            throw e;
        }
    }

    private VolumeMount ensureVolume(VolumeMount v, List<String> created) {
        VolumeOptions o = v.options();
        if (v.anonymous() && v.name() == null) {
            Volume made = store.create(new VolumeCreateRequest(null, o.driver(), o.driverOptions(), o.labels()));
            created.add(made.name());
            return v.withName(made.name());
        }
        if (o.driverOptions().isEmpty()) {
            try {
                store.inspect(v.name());
                return v; // an existing volume, used as it is
            } catch (BerthException e) {
                if (e.category() != ErrorCategory.NOT_FOUND) {
                    throw e;
                }
            }
        }
        store.create(new VolumeCreateRequest(v.name(), o.driver(), o.driverOptions(), o.labels()));
        return v;
    }

    /**
     * Copies the image's content into each empty volume mounted over it, unless {@code nocopy}; returns the names
     * of the volumes that received content. {@code rootfs} is the container's root file system, mounted.
     */
    public List<String> populate(List<MountRequest> resolved, Path rootfs) {
        List<String> copied = new ArrayList<>();
        for (MountRequest r : resolved) {
            if (r instanceof VolumeMount v && !v.options().noCopy() && v.options().subpath().isEmpty()
                    && store.copyUp(v.name(), rootfs, v.target())) {
                copied.add(v.name());
            }
        }
        return copied;
    }

    /**
     * At start: acquires the volumes (mounting those with mount options), creates missing {@code -v} bind sources,
     * and returns the OCI mount entries, parents before children.
     */
    public List<OciMount> mount(String containerId, List<MountRequest> resolved) {
        List<String> acquired = new ArrayList<>();
        try {
            List<OciMount> out = new ArrayList<>();
            for (MountRequest r : resolved) {
                out.add(switch (r) {
                    case BindMount b -> converter.bind(prepareBindSource(b));
                    case TmpfsMount t -> converter.tmpfs(t);
                    case VolumeMount v -> {
                        Path data = store.acquire(requireName(v), containerId);
                        acquired.add(v.name());
                        yield converter.volume(v, subpath(v, data));
                    }
                });
            }
            return OciMountConverter.sorted(out);
        } catch (RuntimeException e) {
            acquired.forEach(name -> store.release(name, containerId));
            throw e;
        }
    }

    /** At exit: releases the container's volumes (unmounting those it was the last user of). */
    public void unmount(String containerId, List<MountRequest> resolved) {
        BerthException first = null;
        for (MountRequest r : resolved) {
            if (r instanceof VolumeMount v && v.name() != null) {
                try {
                    store.release(v.name(), containerId);
                } catch (BerthException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * At {@code rm -v} / {@code --rm}, after the container's record is gone (so it no longer counts as a user):
     * removes its anonymous volumes, except those another container still uses (as Docker); returns the names
     * removed.
     */
    public List<String> removeAnonymous(List<MountRequest> resolved) {
        List<String> removed = new ArrayList<>();
        for (MountRequest r : resolved) {
            if (r instanceof VolumeMount v && v.anonymous() && v.name() != null) {
                try {
                    store.remove(v.name(), true);
                    removed.add(v.name());
                } catch (BerthException e) {
                    if (e.category() != ErrorCategory.CONFLICT) {
                        throw e;
                    }
                }
            }
        }
        return removed;
    }

    private static BindMount prepareBindSource(BindMount b) {
        Path source = Path.of(b.source());
        if (Files.exists(source)) {
            return b;
        }
        if (!b.createSource()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "mount " + b.target(),
                    "invalid mount config for type \"bind\": bind source path does not exist: " + b.source()
                            + ": create it, or mount another path");
        }
        try {
            Files.createDirectories(source);
            return b;
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "mount " + b.target(),
                    "could not create bind source " + b.source() + ": " + e.getMessage(), e);
        }
    }

    private static Path subpath(VolumeMount v, Path data) {
        String sub = v.options().subpath();
        if (sub.isEmpty()) {
            return data;
        }
        try {
            Path p = SecureJoin.resolve(data, sub);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + v.name(),
                        "cannot access path " + sub + " in volume " + v.name()
                                + ": no such file or directory: create it in the volume first");
            }
            return p;
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + v.name(),
                    "cannot resolve subpath " + sub + " in volume " + v.name() + ": " + e.getMessage(), e);
        }
    }

    private static String requireName(VolumeMount v) {
        if (v.name() == null) {
            throw new IllegalStateException("anonymous volume at " + v.target() + " was not resolved (call resolve)");
        }
        return v.name();
    }

    private void removeQuietly(String name) {
        try {
            store.remove(name, true);
        } catch (BerthException ignored) {
            // undoing a half-made create: the first error is the one to report
        }
    }
}
