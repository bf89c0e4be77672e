package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerState;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.engine.EngineParts;
import io.berth.agent.engine.HealthState;
import io.berth.agent.engine.ImagePort;
import io.berth.agent.engine.MountPort;
import io.berth.agent.engine.RestartRule;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.ContainerRuntime;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps of a container's life: create (root file system, mounts, record), start (runtime container under
 * conmon), stop, pause, exit handling with restart policies and {@code --rm}, removal, and recovery after a
 * restart of berthd. Callers hold the container's lock.
 */
final class Lifecycle {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private final EngineParts parts;
    private final ContainerRuntime runtime;
    private final Records records;
    private final ContainerLocks locks;
    private final Waiters waiters = new Waiters();
    private final Map<String, Integer> consecutiveRestarts = new ConcurrentHashMap<>();
    private final HealthChecks health;

    Lifecycle(EngineParts parts, Records records, ContainerLocks locks) {
        this.parts = parts;
        this.runtime = parts.runtime();
        this.records = records;
        this.locks = locks;
        this.health = new HealthChecks(parts, records);
    }

    record NewContainer(String id, String name, ImagePort.LocalImage image, ContainerConfig config, HostConfig host) {
    }

    Waiters waiters() {
        return waiters;
    }

    void createContainer(NewContainer c) {
        Undo undo = new Undo();
        try {
            ImagePort.RootFs rootfs = parts.images().mountRootfs(c.id(), c.image().id());
            undo.push(() -> parts.images().removeRootfs(c.id()));
            Map<String, Object> volumes = c.config().volumes() == null ? Map.of() : c.config().volumes();
            List<ContainerView.MountView> mounts = parts.mounts().prepare(c.id(), c.host(), volumes, rootfs.merged());
            undo.push(() -> parts.mounts().discard(mounts));
            List<String> anonymous = mounts.stream().filter(ContainerView.MountView::anonymous)
                    .map(ContainerView.MountView::name).toList();
            ContainerRecord record = new ContainerRecord(1, c.id(), c.name(), now(), parts.environment().nodeId(),
                    c.config().image(), c.image().id(), c.config(), c.host(), ContainerState.created(), 0, false,
                    anonymous, mounts);
            // As Podman does: the runtime container (conmon + runc create) exists from create on, so that a
            // client can attach before it starts (docker run attaches first, then starts).
            List<io.berth.agent.runtime.MountEntry> entries = parts.mounts().mount(c.id(), mounts);
            undo.push(() -> parts.mounts().unmount(c.id(), mounts));
            runtime.create(ContainerSpecs.runtimeConfig(record, rootfs.merged(), entries));
            undo.push(() -> runtime.delete(c.id(), true));
            records.store().create(record);
            undo.clear();
        } catch (RuntimeException e) {
            undo.run(e);
            throw e;
        }
    }

    /** Starts the container; false when it already runs. */
    boolean start(String id, boolean byUser) {
        ContainerRecord record = records.resolve(id);
        ContainerStatus status = record.state().status();
        if (status == ContainerStatus.PAUSED) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), "cannot start a paused container, try "
                    + "unpause instead");
        }
        if (status == ContainerStatus.RUNNING) {
            return false;
        }
        boolean fresh = status == ContainerStatus.CREATED && runtimeKnows(id)
                && runtime.state(id).status() == io.berth.agent.runtime.ContainerStatus.CREATED;
        try {
            if (!fresh) {
                ImagePort.RootFs rootfs = parts.images().mountRootfs(id, record.imageId());
                if (runtimeKnows(id)) {
                    runtime.reset(id);
                }
                List<io.berth.agent.runtime.MountEntry> entries = parts.mounts().mount(id, record.mounts());
                runtime.create(ContainerSpecs.runtimeConfig(record, rootfs.merged(), entries));
            }
            runtime.start(id);
        } catch (RuntimeException e) {
            quietly(() -> parts.mounts().unmount(id, record.mounts()));
            records.update(id, r -> r.withState(r.state().exited(startFailureCode(e), now(), false, e.getMessage())));
            quietly(() -> runtime.reset(id));
            throw e;
        }
        io.berth.agent.runtime.ContainerState observed = runtime.state(id);
        HealthState initialHealth = record.config().healthcheck() == null || record.config().healthcheck().disabled()
                ? null : HealthState.starting();
        ContainerRecord started = records.update(id, r -> {
            ContainerRecord next = r.withState(r.state().running(observed.pid(), now(), initialHealth));
            return byUser ? next.withDesiredRunning(true) : next;
        });
        if (!observed.isRunning() && observed.exitCode() >= 0) {
            // It ended before we looked: the exit watcher may have fired before the record said running.
            onExit(observed);
        }
        health.started(started);
        parts.events().publish("container", "start", id, Map.of("name", record.name(), "image", record.image()));
        return true;
    }

    private boolean runtimeKnows(String id) {
        return runtime.list().stream().anyMatch(s -> s.id().equals(id));
    }

    /** Docker's exit codes when the process could not be started: 127 not found, 126 not executable. */
    private static int startFailureCode(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("no such file") || message.contains("not found")) {
            return 127;
        }
        if (message.contains("permission denied") || message.contains("is a directory")) {
            return 126;
        }
        return 128;
    }

    boolean stop(String id, Duration timeout, String signal) {
        ContainerRecord record = records.update(id, r -> r.desiredRunning() ? r.withDesiredRunning(false) : r);
        health.stopped(id);
        if (record.state().status() == ContainerStatus.RESTARTING) {
            records.update(id, r -> r.withState(r.state().withStatus(ContainerStatus.EXITED)));
            return true;
        }
        if (!record.state().status().isAlive()) {
            return false;
        }
        if (record.state().status() == ContainerStatus.PAUSED) {
            runtime.unpause(id);
        }
        Duration wait = timeout != null ? timeout : record.config().stopTimeout() != null
                ? Duration.ofSeconds(record.config().stopTimeout()) : LocalContainers.DEFAULT_STOP_TIMEOUT;
        if (signal != null && !signal.isEmpty()) {
            runtime.kill(id, signal);
        }
        io.berth.agent.runtime.ContainerState state = runtime.stop(id, wait);
        recordExit(id, state.exitCode(), state.finishedAt());
        parts.events().publish("container", "stop", id, Map.of("name", record.name(), "image", record.image()));
        return true;
    }

    Void pause(String id, boolean pause) {
        ContainerRecord record = records.resolve(id);
        ContainerStatus status = record.state().status();
        if (pause && status != ContainerStatus.RUNNING) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), status == ContainerStatus.PAUSED
                    ? "Container " + id + " is already paused" : "Container " + id + " is not running");
        }
        if (!pause && status != ContainerStatus.PAUSED) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), "Container " + id + " is not paused");
        }
        if (pause) {
            runtime.pause(id);
        } else {
            runtime.unpause(id);
        }
        records.update(id, r -> r.withState(r.state().withStatus(pause ? ContainerStatus.PAUSED : ContainerStatus.RUNNING)));
        parts.events().publish("container", pause ? "pause" : "unpause", id, Map.of("name", record.name(),
                "image", record.image()));
        return null;
    }

    Void remove(String id, boolean force, boolean volumes) {
        ContainerRecord record = records.resolve(id);
        if (record.state().status().isAlive() && !force) {
            throw new BerthException(ErrorCategory.CONFLICT, record.name(), "cannot remove container \"/"
                    + record.name() + "\": container is running: stop the container before removing or force remove");
        }
        health.stopped(id);
        records.update(id, r -> r.withDesiredRunning(false).withState(r.state().withStatus(ContainerStatus.REMOVING)));
        if (runtimeKnows(id)) {
            runtime.delete(id, true);
        }
        parts.mounts().unmount(id, record.mounts());
        parts.images().removeRootfs(id);
        ContainerRecord current = records.resolve(id);
        records.store().remove(current);
        if (volumes) {
            // After the record is gone, so that it no longer counts as a user of its volumes.
            parts.mounts().removeAnonymous(record.mounts());
        }
        locks.forget(id);
        consecutiveRestarts.remove(id);
        waiters.removed(id, record.state().exitCode());
        parts.events().publish("container", "destroy", id, Map.of("name", record.name(), "image", record.image()));
        return null;
    }

    /** From the runtime's exit watcher thread: hand off to a worker at once. */
    void onExit(io.berth.agent.runtime.ContainerState state) {
        parts.environment().scheduler().execute(() -> {
            try {
                locks.with(state.id(), () -> {
                    handleExit(state);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handling the exit of container " + state.id(), e);
            }
        });
    }

    private void handleExit(io.berth.agent.runtime.ContainerState state) {
        Optional<ContainerRecord> found = records.store().get(state.id());
        if (found.isEmpty() || !found.get().state().status().isAlive()) {
            return;
        }
        health.stopped(state.id());
        ContainerRecord record = recordExit(state.id(), state.exitCode(), state.finishedAt());
        parts.events().publish("container", "die", record.id(), Map.of("name", record.name(), "image",
                record.image(), "exitCode", Integer.toString(state.exitCode())));
        if (record.hostConfig().isAutoRemove()) {
            remove(record.id(), true, true);
            return;
        }
        Duration ran = Duration.between(Instant.parse(record.state().startedAt()), Instant.parse(record.state()
                .finishedAt()));
        int consecutive = consecutiveRestarts.getOrDefault(record.id(), 0);
        RestartRule.afterExit(record.hostConfig().restartPolicyOrNo(), state.exitCode(), !record.desiredRunning(),
                record.restartCount(), consecutive, ran).ifPresent(delay -> scheduleRestart(record, delay, ran));
    }

    private void scheduleRestart(ContainerRecord record, Duration delay, Duration ran) {
        consecutiveRestarts.merge(record.id(), 1, (a, b) -> ran.compareTo(Duration.ofSeconds(10)) >= 0 ? 1 : a + b);
        records.update(record.id(), r -> r.withRestartCount(r.restartCount() + 1)
                .withState(r.state().withStatus(ContainerStatus.RESTARTING)));
        parts.environment().scheduler().schedule(() -> {
            try {
                locks.with(record.id(), () -> {
                    Optional<ContainerRecord> now = records.store().get(record.id());
                    if (now.isPresent() && now.get().state().status() == ContainerStatus.RESTARTING) {
                        start(record.id(), false);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restarting container " + record.name() + " failed", e);
            }
        }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private ContainerRecord recordExit(String id, int code, Instant finished) {
        String finishedAt = (finished == null ? parts.environment().clock().instant() : finished).toString();
        ContainerRecord record = records.update(id, r -> r.withState(r.state().exited(code, finishedAt, false, "")));
        quietly(() -> parts.mounts().unmount(id, record.mounts()));
        waiters.exited(id, code);
        return record;
    }

    List<String> recover() {
        return new Recovery(parts, records, this).run();
    }

    ContainerView view(ContainerRecord record, boolean size) {
        Map<String, String> graph = parts.images().graphDriver(record.id());
        ContainerView.Sizes sizes = ContainerView.Sizes.UNKNOWN;
        if (size) {
            long rw = parts.images().writableSize(record.id());
            long image = parts.images().resolve(record.imageId()).size();
            sizes = new ContainerView.Sizes(rw, rw + image);
        }
        return new ContainerView(record, runtimePaths(record.id()), graph, record.mounts(), sizes);
    }

    private ContainerView.Paths runtimePaths(String id) {
        io.berth.agent.runtime.ContainerFiles files = runtime.files(id);
        return new ContainerView.Paths(files.log().toString(), files.hosts().toString(), files.hostname().toString(),
                files.resolvConf().toString());
    }

    void close() {
        health.close();
    }

    String now() {
        return parts.environment().clock().instant().toString();
    }

    static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "clean-up step failed", e);
        }
    }

    /** Undo steps, run in reverse order; their own failures are attached to the original one. */
    static final class Undo {
        private final List<Runnable> steps = new ArrayList<>();

        void push(Runnable step) {
            steps.add(step);
        }

        void clear() {
            steps.clear();
        }

        void run(RuntimeException cause) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                try {
                    steps.get(i).run();
                } catch (RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
            steps.clear();
        }
    }
}
