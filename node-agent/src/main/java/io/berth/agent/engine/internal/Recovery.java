package io.berth.agent.engine.internal;

import io.berth.agent.engine.ContainerRecord;
import io.berth.agent.engine.ContainerStatus;
import io.berth.agent.engine.EngineParts;
import io.berth.agent.engine.RestartRule;
import io.berth.agent.runtime.ContainerState;
import io.berth.agent.runtime.RecoveryReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What berthd does at start: ask the runtime what still runs (conmon kept those alive) and what ended while
 * nobody watched, bring the records in line, remove runtime containers that have no record (ours, since the
 * runtime only knows its own roots), mark as exited the records whose process vanished, and apply restart
 * policies. Returns one line per thing it did, for the log.
 */
final class Recovery {
    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    /** Docker's exit code when the daemon cannot know how a process ended. */
    static final int UNKNOWN_EXIT = 255;

    private final EngineParts parts;
    private final Records records;
    private final Lifecycle lifecycle;

    Recovery(EngineParts parts, Records records, Lifecycle lifecycle) {
        this.parts = parts;
        this.records = records;
        this.lifecycle = lifecycle;
    }

    List<String> run() {
        List<String> log = new ArrayList<>();
        RecoveryReport report = parts.runtime().recover();
        report.removedOrphans().forEach(o -> log.add("removed runtime leftover: " + o));
        Map<String, ContainerState> observed = new HashMap<>();
        report.adopted().forEach(s -> observed.put(s.id(), s));
        report.exited().forEach(s -> observed.put(s.id(), s));
        for (ContainerState state : observed.values()) {
            if (records.store().get(state.id()).isEmpty()) {
                Lifecycle.quietly(() -> parts.runtime().delete(state.id(), true));
                Lifecycle.quietly(() -> parts.images().removeRootfs(state.id()));
                log.add("removed container " + state.id() + ": the runtime had it but no record did");
            }
        }
        for (ContainerRecord record : records.all()) {
            try {
                reconcile(record, observed.get(record.id()), log);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recovering container " + record.name(), e);
                log.add("could not recover " + record.name() + ": " + e.getMessage());
            }
        }
        return log;
    }

    private void reconcile(ContainerRecord record, ContainerState state, List<String> log) {
        ContainerStatus status = record.state().status();
        if (state != null && state.isRunning()) {
            parts.mounts().mount(record.id(), record.mounts());
            ContainerStatus now = state.status() == io.berth.agent.runtime.ContainerStatus.PAUSED
                    ? ContainerStatus.PAUSED : ContainerStatus.RUNNING;
            if (status != now || record.state().pid() != state.pid()) {
                records.update(record.id(), r -> r.withState(new io.berth.agent.engine.ContainerState(now,
                        state.pid(), 0, "", r.state().startedAt(), r.state().finishedAt(), false, r.state().health())));
            }
            log.add("adopted running container " + record.name() + " (pid " + state.pid() + ")");
            return;
        }
        if (status.isAlive() || status == ContainerStatus.RESTARTING) {
            int code = state != null && state.exitCode() >= 0 ? state.exitCode() : UNKNOWN_EXIT;
            String error = state != null && state.exitCode() >= 0 ? ""
                    : "its process was lost while berthd was not running (exit code unknown)";
            String finished = state != null && state.finishedAt() != null ? state.finishedAt().toString()
                    : lifecycle.now();
            ContainerRecord exited = records.update(record.id(), r -> r.withState(r.state().exited(code, finished,
                    false, error)));
            lifecycle.waiters().exited(record.id(), code);
            parts.events().publish("container", "die", record.id(), Map.of("name", record.name(), "image",
                    record.image(), "exitCode", Integer.toString(code)));
            log.add("container " + record.name() + " exited with " + code + " while berthd was away");
            if (exited.hostConfig().isAutoRemove()) {
                lifecycle.remove(record.id(), true, true);
                log.add("removed " + record.name() + " (--rm)");
                return;
            }
            record = exited;
        }
        if (record.state().status() == ContainerStatus.EXITED
                && RestartRule.restartsAtDaemonStart(record.hostConfig().restartPolicyOrNo(), record.desiredRunning(),
                record.state().exitCode())) {
            lifecycle.start(record.id(), false);
            log.add("restarted " + record.name() + " (restart policy " + record.hostConfig().restartPolicyOrNo().name() + ")");
        }
    }
}
