package io.berth.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.berth.scheduler.internal.DataRootLock;
import io.berth.scheduler.internal.HostFacts;
import io.berth.scheduler.internal.api.ApiErrors;
import io.berth.scheduler.internal.api.ApiServer;
import io.berth.scheduler.internal.api.Handlers;
import io.berth.scheduler.internal.api.ContainerRoutes;
import io.berth.scheduler.internal.api.ExecRoutes;
import io.berth.scheduler.internal.api.RouteModule;
import io.berth.scheduler.internal.api.StreamRoutes;
import io.berth.scheduler.internal.api.TopStatsRoutes;
import io.berth.scheduler.internal.api.ContainerFileRoutes;
import io.berth.scheduler.internal.api.ImageRoutes;
import io.berth.scheduler.internal.api.VolumeRoutes;
import io.berth.scheduler.internal.engine.ContainerFiles;
import io.berth.scheduler.internal.engine.ImageService;
import io.berth.scheduler.internal.files.Mknod;
import io.berth.scheduler.internal.engine.EngineInfo;
import io.berth.scheduler.internal.engine.NodeEngine;
import io.berth.scheduler.internal.api.SystemRoutes;
import io.berth.scheduler.internal.cluster.ClusterBootstrap;
import io.berth.scheduler.internal.cluster.ClusterSettings;
import io.berth.scheduler.internal.events.EventLog;
import io.berth.scheduler.internal.state.SqliteStore;
import io.berth.scheduler.internal.state.StateMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.transport.Transport;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * berthd's composition root: one JVM with the manager and agent roles. {@link #start} locks the data root,
 * opens {@code state.db}, starts the embedded Hazelcast member, clusters the Vert.x event bus over it,
 * registers this host as a node, and serves the API on the unix socket. Two daemons can live in one JVM
 * (tests): nothing here is static.
 */
public final class BerthDaemon implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BerthDaemon.class.getName());

    private final DaemonConfig config;
    private final Clock clock;
    private final Supplier<String> ids;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private HazelcastInstance hazelcast;
    private Vertx vertx;
    private ApiServer api;
    private NodeRecord node;
    private NodeEngine engine;

    public BerthDaemon(DaemonConfig config, Clock clock, Supplier<String> ids) {
        this.config = config;
        this.clock = clock;
        this.ids = ids;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public BerthDaemon start() {
        try {
            startAll();
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void startAll() {
        resources.add(DataRootLock.acquire(config.dataRoot()));
        createDirectories();
        ObjectMapper json = Json.mapper();
        SqliteStore store = SqliteStore.open(config.stateDb());
        resources.add(store);
        String nodeId = NodeIdentity.load(config.dataRoot(), ids);
        // A cluster of one must never merge with another berthd on the same machine (a test daemon beside the
        // host's): without --join, the cluster name is this node's own.
        ClusterSettings cluster = config.cluster().members().isEmpty()
                ? config.cluster().withName("berth-" + nodeId.substring(0, 12)) : config.cluster();
        hazelcast = ClusterBootstrap.start(cluster, "berthd-" + nodeId.substring(0, 12), ids.get(), store,
                json);
        vertx = await(Vertx.builder()
                .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(config.cluster()
                        .bindAddress()).setPort(0)).setBlockedThreadCheckInterval(1).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS))
                .withTransport(Transport.EPOLL)
                .withClusterManager(new HazelcastClusterManager(hazelcast))
                .buildClustered());
        HostFacts host = HostFacts.read();
        StateMap<NodeRecord> nodes = new StateMap<>(hazelcast.getMap("nodes"), NodeRecord.class, json,
                NodeRecord::version);
        node = NodeRegistration.register(nodes, nodeId, host, hazelcast, config.nodeLabels(), clock);
        EventLog events = new EventLog(vertx.eventBus(), clock);
        WorkerExecutor workers = vertx.createSharedWorkerExecutor("berth-engine", 32, 10, TimeUnit.MINUTES);
        Handlers handlers = new Handlers(workers, json, new ApiErrors(json));
        SystemInfo system = new SystemInfo(config, host, () -> node, hazelcast, clock);
        engine = NodeEngine.open(new NodeEngine.Settings(config.dataRoot(), config.runRoot(), config.cgroupParent(), nodeId, clock,
                ids), hazelcast, json, events);
        resources.add(engine);
        EngineInfo engineInfo = new EngineInfo(engine.containers(), engine.runtime().info(), engine::imageCount);
        system.contribute(engineInfo::info);
        system.contribute(engineInfo::version);
        ImageService imageService = ImageService.open(engine, config.dataRoot(), config.insecureRegistries(), events,
                clock);
        resources.add(imageService);
        StreamRoutes streams = new StreamRoutes(engine.io(), engine.streams(), clock);
        ExecRoutes exec = new ExecRoutes(engine.io(), engine.streams());
        ImageRoutes images = new ImageRoutes(imageService);
        ContainerFileRoutes files = new ContainerFileRoutes(new ContainerFiles(engine.containers(), engine.images(),
                events, Mknod.load()));
        List<RouteModule> raw = List.of(streams::mountRaw, exec::mountRaw, images::mountRaw, files::mountRaw);
        List<RouteModule> modules = new ArrayList<>();
        modules.add(new SystemRoutes(system::version, system::info, events, clock));
        modules.add(new ContainerRoutes(engine.containers(), clock));
        modules.add(streams);
        modules.add(exec);
        modules.add(new TopStatsRoutes(engine.io(), engine.containers()));
        modules.add(images);
        modules.add(files);
        modules.add(new VolumeRoutes(engine.volumes(), events, clock.getZone()));
        api = new ApiServer(vertx, config.socket());
        await(api.start(raw, modules, handlers));
        LOG.info(() -> "berthd ready: node " + node.id() + " (" + node.hostname() + "), API on unix://"
                + config.socket() + ", data root " + config.dataRoot());
    }

    private void createDirectories() {
        try {
            Files.createDirectories(config.dataRoot());
            Files.createDirectories(config.runRoot());
        } catch (IOException e) {
            throw new io.berth.compose.BerthException(io.berth.compose.ErrorCategory.FAILED_PRECONDITION,
                    config.dataRoot().toString(), "cannot create berthd's directories: " + e.getMessage(), e);
        }
    }

    public NodeRecord node() {
        return node;
    }

    public DaemonConfig config() {
        return config;
    }

    /** The agent role's engine (tests load images through it without going through the API). */
    NodeEngine engine() {
        return engine;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting berthd", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("berthd did not start within 60 s", e);
        }
    }

    /** Stops the API, Vert.x and Hazelcast, and closes the store. Containers keep running. */
    @Override
    public void close() {
        if (api != null) {
            quietly(() -> await(api.stop()));
            quietly(() -> Files.deleteIfExists(config.socket()));
        }
        if (vertx != null) {
            quietly(() -> await(vertx.close()));
        }
        if (hazelcast != null) {
            quietly(hazelcast::shutdown);
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            AutoCloseable resource = resources.get(i);
            quietly(resource::close);
        }
        resources.clear();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "while stopping berthd", e);
        }
    }

    /** The data root's persistent node ID, so a restarted berthd is the same node. */
    static final class NodeIdentity {
        private NodeIdentity() {
        }

        static String load(Path dataRoot, Supplier<String> ids) {
            Path file = dataRoot.resolve("node-id");
            try {
                if (Files.exists(file)) {
                    return Files.readString(file).strip();
                }
                String id = ids.get();
                Path tmp = dataRoot.resolve("node-id.tmp");
                Files.writeString(tmp, id + "\n");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return id;
            } catch (IOException e) {
                throw new io.berth.compose.BerthException(io.berth.compose.ErrorCategory.FAILED_PRECONDITION,
                        file.toString(), "cannot read or write the node ID " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
