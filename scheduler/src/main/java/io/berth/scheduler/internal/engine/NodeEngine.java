package io.berth.scheduler.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.EngineParts;
import io.berth.agent.engine.internal.LocalContainerIo;
import io.berth.agent.engine.internal.LocalContainers;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.ImageUsage;
import io.berth.agent.image.Images;
import io.berth.agent.image.ImagesConfig;
import io.berth.agent.image.ReferenceNormalizer;
import io.berth.agent.runtime.ContainerRuntime;
import io.berth.agent.runtime.RuntimeSettings;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.scheduler.internal.events.EventLog;
import io.berth.scheduler.internal.state.StateMap;
import io.berth.volumes.ContainerMounts;
import io.berth.volumes.OciMountConverter;
import io.berth.volumes.VolumeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The agent role of a berthd: the runtime, images, volumes and the container engine over them, with its
 * records in the cluster's {@code containers} map. {@link #open} recovers what ran before (containers kept
 * alive by conmon) before the API serves anything.
 */
public final class NodeEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodeEngine.class.getName());
    private static final long LOG_ROTATION_PERIOD_SECONDS = 5;

    private final ContainerRuntime runtime;
    private final Images images;
    private final VolumeStore volumes;
    private final LocalContainers containers;
    private final LocalContainerIo io;
    private final ScheduledExecutorService timers;
    private final ExecutorService streams;

    private NodeEngine(ContainerRuntime runtime, Images images, VolumeStore volumes, LocalContainers containers,
                       LocalContainerIo io, ScheduledExecutorService timers, ExecutorService streams) {
        this.runtime = runtime;
        this.images = images;
        this.volumes = volumes;
        this.containers = containers;
        this.io = io;
        this.timers = timers;
        this.streams = streams;
    }

    /** Where the engine keeps its files, and what it is told by the daemon. */
    public record Settings(Path dataRoot, Path runRoot, String cgroupParent, String nodeId, Clock clock,
                           Supplier<String> ids) {
    }

    public static NodeEngine open(Settings settings, HazelcastInstance hazelcast, ObjectMapper json, EventLog events) {
        StateMap<ContainerRecord> map = new StateMap<>(hazelcast.getMap("containers"), ContainerRecord.class, json,
                ContainerRecord::version);
        ClusterContainerStore store = new ClusterContainerStore(map, settings.nodeId());
        ContainerRuntime runtime = ContainerRuntime.open(RuntimeSettings.of(settings.dataRoot(), settings.runRoot(),
                settings.cgroupParent()), settings.clock());
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(4, threads("berth-engine-"));
        ExecutorService streams = Executors.newCachedThreadPool(threads("berth-stream-"));
        try {
            ImageUsage usage = imageId -> store.list().stream().filter(r -> imageId.toString().equals(r.imageId()))
                    .map(r -> new ImageUsage.ContainerUse(r.id(), r.state().status().isAlive())).toList();
            Images images = Images.open(new ImagesConfig(settings.dataRoot(), usage, normalizer(), settings.clock(),
                    Runtime.getRuntime().availableProcessors()));
            VolumeStore volumes = VolumeStore.local(settings.dataRoot(), name -> store.list().stream()
                    .filter(r -> r.mounts().stream().anyMatch(m -> name.equals(m.name()))).map(ContainerRecord::id)
                    .toList(), settings.clock(), new SecureRandom());
            EngineParts parts = new EngineParts(runtime, new ImageStorePort(images),
                    new VolumeMountPort(volumes, new ContainerMounts(volumes, new OciMountConverter(true))), store,
                    new EventBridge(events), new EngineParts.Environment(settings.clock(), settings.ids(),
                    new SecureRandom()::nextInt, timers, settings.nodeId()));
            LocalContainers containers = new LocalContainers(parts);
            for (String line : containers.recover()) {
                LOG.info(line);
            }
            // Volume users persisted by the volume store are kept only for containers that still run.
            volumes.retainUsers(store.list().stream().filter(r -> r.state().status().isAlive())
                    .map(ContainerRecord::id).collect(java.util.stream.Collectors.toSet()));
            LocalContainerIo io = new LocalContainerIo(containers, runtime, settings.ids(), streams);
            timers.scheduleWithFixedDelay(() -> rotateLogs(store, runtime), LOG_ROTATION_PERIOD_SECONDS,
                    LOG_ROTATION_PERIOD_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            return new NodeEngine(runtime, images, volumes, containers, io, timers, streams);
        } catch (IOException e) {
            timers.shutdownNow();
            streams.shutdownNow();
            runtime.close();
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, settings.dataRoot().toString(),
                    "cannot open the image store in " + settings.dataRoot() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Docker's {@code max-file} rotation for running containers that ask for it (conmon alone only truncates):
     * one stat per such container when nothing is due.
     */
    private static void rotateLogs(ClusterContainerStore store, ContainerRuntime runtime) {
        for (ContainerRecord record : store.list()) {
            var log = record.hostConfig().logConfig();
            if (record.state().status().isAlive() && log != null && log.config() != null
                    && Integer.parseInt(log.config().getOrDefault("max-file", "1")) > 1) {
                try {
                    runtime.rotateLogs(record.id());
                } catch (RuntimeException e) {
                    LOG.fine("log rotation of " + record.name() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Names as Docker normalizes them ({@code busybox} → {@code docker.io/library/busybox:latest}). */
    static ReferenceNormalizer normalizer() {
        return new ReferenceNormalizer() {
            @Override
            public String normalize(String reference) {
                return ImageReference.parse(reference).normalized();
            }

            @Override
            public String familiar(String normalized) {
                return ImageReference.parse(normalized).familiar();
            }
        };
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    public Images images() {
        return images;
    }

    public VolumeStore volumes() {
        return volumes;
    }

    public LocalContainers containers() {
        return containers;
    }

    public LocalContainerIo io() {
        return io;
    }

    public ExecutorService streams() {
        return streams;
    }

    public int imageCount() {
        try {
            return images.store().list(ImageFilter.NONE).size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        containers.close();
        timers.shutdownNow();
        streams.shutdownNow();
        images.close();
        runtime.close();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }


}
