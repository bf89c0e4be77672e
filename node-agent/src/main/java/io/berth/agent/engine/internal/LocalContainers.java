package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerService;
import io.berth.agent.engine.ContainerState;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.engine.ContainerView;
import io.berth.agent.engine.EngineParts;
import io.berth.agent.engine.HealthState;
import io.berth.agent.engine.ImagePort;
import io.berth.agent.engine.MountPort;
import io.berth.agent.engine.Names;
import io.berth.agent.engine.RestartRule;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.engine.spec.CreateRequest;
import io.berth.agent.engine.spec.HostConfig;
import io.berth.agent.runtime.ContainerRuntime;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's container lifecycle on this node, over the runtime, images and mounts. Operations on one container
 * are serialized ({@link ContainerLocks}); every step that makes something (root file system, mounts, runtime
 * container, record) is undone in reverse when a later step fails, so a failed create leaves nothing behind.
 */
public final class LocalContainers implements ContainerService {
    private static final Logger LOG = Logger.getLogger(LocalContainers.class.getName());
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final EngineParts parts;
    private final ContainerRuntime runtime;
    private final Records records;
    private final ContainerLocks locks = new ContainerLocks();
    private final Lifecycle lifecycle;

    public LocalContainers(EngineParts parts) {
        this.parts = parts;
        this.runtime = parts.runtime();
        this.records = new Records(parts.store());
        this.lifecycle = new Lifecycle(parts, records, locks);
        runtime.addExitListener(lifecycle::onExit);
    }

    /** Re-adopts what runs, records what ended while berthd was away, removes orphans; then restart policies. */
    public List<String> recover() {
        return lifecycle.recover();
    }

    @Override
    public Created create(String requestedName, CreateRequest request) {
        ContainerConfig user = request.config();
        HostConfig host = request.hostConfig();
        if (user == null || user.image() == null || user.image().isEmpty()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, null, "no image given: say which image to run");
        }
        RestartRule.validate(host.restartPolicyOrNo());
        if (host.isAutoRemove() && !"no".equals(host.restartPolicyOrNo().name())) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, null,
                    "conflicting options: cannot specify both --restart and --rm");
        }
        List<String> warnings = new ArrayList<>();
        String mode = host.networkModeOrDefault();
        if (!mode.equals("none") && !mode.equals("host")) {
            warnings.add("network mode \"" + mode + "\" is not available yet on this node: the container gets "
                    + "its own network namespace with only the loopback device (as --network none)");
        }
        ImagePort.LocalImage image = parts.images().resolve(user.image());
        String id = parts.environment().ids().get();
        synchronized (locks.names()) {
            String name = requestedName == null || requestedName.isEmpty()
                    ? Names.generate(parts.environment().random(), n -> records.byName(n).isPresent())
                    : Names.validate(requestedName);
            records.byName(name).ifPresent(other -> {
                throw new BerthException(ErrorCategory.ALREADY_EXISTS, name, "Conflict. The container name \"/"
                        + name + "\" is already in use by container \"" + other.id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
            });
            ContainerConfig merged = ContainerSpecs.merge(user, image.defaults(), user.image(), id.substring(0, 12));
            if ((merged.entrypoint() == null || merged.entrypoint().isEmpty())
                    && (merged.cmd() == null || merged.cmd().isEmpty())) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, user.image(),
                        "no command specified: the image " + user.image() + " has no CMD or ENTRYPOINT; give one");
            }
            lifecycle.createContainer(new Lifecycle.NewContainer(id, name, image, merged, host));
            parts.events().publish("container", "create", id, Map.of("name", name, "image", user.image()));
            return new Created(id, warnings);
        }
    }

    @Override
    public boolean start(String ref) {
        ContainerRecord record = records.resolve(ref);
        return locks.with(record.id(), () -> lifecycle.start(record.id(), true));
    }

    @Override
    public boolean stop(String ref, Duration timeout, String signal) {
        ContainerRecord record = records.resolve(ref);
        return locks.with(record.id(), () -> lifecycle.stop(record.id(), timeout, signal));
    }

    @Override
    public void restart(String ref, Duration timeout, String signal) {
        ContainerRecord record = records.resolve(ref);
        locks.with(record.id(), () -> {
            lifecycle.stop(record.id(), timeout, signal);
            return lifecycle.start(record.id(), true);
        });
        parts.events().publish("container", "restart", record.id(), Map.of("name", record.name(),
                "image", record.image()));
    }

    @Override
    public void kill(String ref, String signal) {
        ContainerRecord record = records.resolve(ref);
        locks.with(record.id(), () -> {
            ContainerRecord current = records.resolve(record.id());
            if (!current.state().status().isAlive()) {
                throw new BerthException(ErrorCategory.CONFLICT, current.name(), "cannot kill container: "
                        + current.name() + ": container " + current.id() + " is not running");
            }
            records.update(record.id(), r -> r.withDesiredRunning(false));
            runtime.kill(record.id(), signal);
            parts.events().publish("container", "kill", record.id(), Map.of("name", record.name(),
                    "image", record.image(), "signal", signal));
            return null;
        });
    }

    @Override
    public void pause(String ref) {
        ContainerRecord record = records.resolve(ref);
        locks.with(record.id(), () -> lifecycle.pause(record.id(), true));
    }

    @Override
    public void unpause(String ref) {
        ContainerRecord record = records.resolve(ref);
        locks.with(record.id(), () -> lifecycle.pause(record.id(), false));
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        ContainerRecord record = records.resolve(ref);
        locks.with(record.id(), () -> lifecycle.remove(record.id(), force, volumes));
    }

    @Override
    public void rename(String ref, String newName) {
        ContainerRecord record = records.resolve(ref);
        String name = Names.validate(newName);
        synchronized (locks.names()) {
            if (name.equals(record.name())) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, name, "Renaming a container with the same "
                        + "name as its current name");
            }
            records.byName(name).ifPresent(other -> {
                throw new BerthException(ErrorCategory.ALREADY_EXISTS, name, "Error when allocating new name: "
                        + "Conflict. The container name \"/" + name + "\" is already in use by container \""
                        + other.id() + "\". You have to remove (or rename) that container to be able to reuse that name.");
            });
            records.update(record.id(), r -> r.withName(name));
        }
        parts.events().publish("container", "rename", record.id(), Map.of("name", name, "oldName",
                "/" + record.name(), "image", record.image()));
    }

    @Override
    public ContainerView inspect(String ref, boolean size) {
        return lifecycle.view(records.resolve(ref), size);
    }

    @Override
    public List<ContainerView> list(boolean all, boolean size) {
        List<ContainerView> views = new ArrayList<>();
        for (ContainerRecord record : records.all()) {
            if (all || record.state().status().isAlive() || record.state().status() == ContainerStatus.RESTARTING) {
                views.add(lifecycle.view(record, size));
            }
        }
        return views;
    }

    @Override
    public CompletableFuture<Integer> await(String ref, String condition) {
        ContainerRecord record = records.resolve(ref);
        return lifecycle.waiters().register(record, condition);
    }

    @Override
    public List<String> prune(Predicate<ContainerView> filter) {
        List<String> removed = new ArrayList<>();
        for (ContainerRecord record : records.all()) {
            ContainerStatus status = record.state().status();
            if ((status == ContainerStatus.EXITED || status == ContainerStatus.CREATED || status == ContainerStatus.DEAD)
                    && filter.test(lifecycle.view(record, false))) {
                try {
                    remove(record.id(), false, false);
                    removed.add(record.id());
                } catch (BerthException e) {
                    LOG.log(Level.INFO, "prune skipped " + record.name() + ": " + e.getMessage());
                }
            }
        }
        return removed;
    }

    @Override
    public ContainerRecord resolve(String ref) {
        return records.resolve(ref);
    }

    /** The health checker's hook: records a probe result. */
    public void recordHealth(String id, HealthState health) {
        records.update(id, r -> r.state().status().isAlive() ? r.withState(r.state().withHealth(health)) : r);
    }

    Records records() {
        return records;
    }

    MountPort mounts() {
        return parts.mounts();
    }

    /** Stops the engine's own threads; containers keep running. */
    public void close() {
        lifecycle.close();
    }

    static ContainerState exitedState(ContainerState state, int code, String now, String error) {
        return state.exited(code, now, false, error);
    }
}
