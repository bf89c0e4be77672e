package io.berth.scheduler.internal.engine;

import io.berth.agent.engine.ContainerView.MountView;
import io.berth.agent.engine.MountPort;
import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.MountEntry;
import io.berth.volumes.BindMount;
import io.berth.volumes.ContainerMounts;
import io.berth.volumes.MountRequest;
import io.berth.volumes.MountSpecParser;
import io.berth.volumes.OciMount;
import io.berth.volumes.Propagation;
import io.berth.volumes.TmpfsMount;
import io.berth.volumes.VolumeMount;
import io.berth.volumes.VolumeOptions;
import io.berth.volumes.VolumeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@link MountPort} over the volumes module: Docker's {@code Binds}, {@code Mounts} and {@code Tmpfs}
 * parsed as Docker does, volumes created and populated at create, acquired at start, released after exit. The
 * record keeps each mount as a {@link MountView} that maps back to the request without loss.
 */
public final class VolumeMountPort implements MountPort {
    private static final String CREATE_SOURCE = "create-source";
    private static final String SUBPATH = "subpath=";

    private final VolumeStore store;
    private final ContainerMounts mounts;
    private final MountSpecParser parser = new MountSpecParser();

    public VolumeMountPort(VolumeStore store, ContainerMounts mounts) {
        this.store = store;
        this.mounts = mounts;
    }

    @Override
    public List<MountView> prepare(String containerId, HostConfig host, Map<String, Object> imageVolumes, Path rootfs) {
        List<MountRequest> requests = new ArrayList<>();
        for (String bind : host.binds() == null ? List.<String>of() : host.binds()) {
            requests.add(parser.parseVolume(bind));
        }
        for (HostConfig.MountConfig mount : host.mounts() == null ? List.<HostConfig.MountConfig>of() : host.mounts()) {
            requests.add(MountConfigs.toRequest(mount));
        }
        if (host.tmpfs() != null) {
            host.tmpfs().forEach((target, options) -> requests.add(parser.parseTmpfs(
                    options == null || options.isEmpty() ? target : target + ":" + options)));
        }
        List<MountRequest> resolved = mounts.resolve(requests, imageVolumes.keySet());
        List<MountView> views = resolved.stream().map(this::view).toList();
        try {
            mounts.populate(resolved, rootfs);
        } catch (RuntimeException e) {
            discard(views);
            throw e;
        }
        return views;
    }

    @Override
    public void discard(List<MountView> views) {
        mounts.removeAnonymous(requests(views));
    }

    @Override
    public List<MountEntry> mount(String containerId, List<MountView> views) {
        List<MountEntry> entries = new ArrayList<>();
        for (OciMount mount : mounts.mount(containerId, requests(views))) {
            entries.add(new MountEntry(mount.destination(), mount.type(), mount.source(), mount.options()));
        }
        return entries;
    }

    @Override
    public void unmount(String containerId, List<MountView> views) {
        mounts.unmount(containerId, requests(views));
    }

    @Override
    public void removeAnonymous(List<MountView> views) {
        mounts.removeAnonymous(requests(views));
    }

    private MountView view(MountRequest request) {
        return switch (request) {
            case BindMount b -> new MountView("bind", null, b.source(), b.target(), null, b.readOnly() ? "ro" : "",
                    !b.readOnly(), b.propagation().option(), false, b.createSource() ? List.of(CREATE_SOURCE)
                    : List.of());
            case VolumeMount v -> new MountView("volume", v.name(), store.inspect(v.name()).mountpoint().toString(),
                    v.target(), v.options().driver(), v.readOnly() ? "ro" : "z", !v.readOnly(), "", v.anonymous(),
                    v.options().subpath().isEmpty() ? List.of() : List.of(SUBPATH + v.options().subpath()));
            case TmpfsMount t -> new MountView("tmpfs", null, "", t.target(), null, String.join(",", t.options()),
                    !t.readOnly(), "", false, t.options());
        };
    }

    private static List<MountRequest> requests(List<MountView> views) {
        List<MountRequest> requests = new ArrayList<>();
        for (MountView v : views) {
            requests.add(switch (v.type()) {
                case "bind" -> new BindMount(v.source(), v.destination(), !v.rw(),
                        Propagation.of(v.propagation()).orElse(Propagation.DEFAULT), BindMount.Recursion.ENABLED,
                        v.options().contains(CREATE_SOURCE));
                case "volume" -> new VolumeMount(v.name(), v.destination(), !v.rw(), v.anonymous(),
                        new VolumeOptions(v.driver() == null ? VolumeOptions.LOCAL_DRIVER : v.driver(), Map.of(),
                                Map.of(), true, v.options().stream().filter(o -> o.startsWith(SUBPATH))
                                .map(o -> o.substring(SUBPATH.length())).findFirst().orElse("")));
                default -> new TmpfsMount(v.destination(), v.options());
            });
        }
        return requests;
    }
}
