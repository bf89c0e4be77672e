package io.berth.agent.runtime;

import java.util.List;

/**
 * What {@link ContainerRuntime#recover()} found: containers whose conmon still runs (adopted), containers that
 * ended while nobody watched (with their exit code), and leftovers of ours that it removed (runtime state,
 * cgroups or conmon processes without a container directory), each described in words.
 */
public record RecoveryReport(List<ContainerState> adopted, List<ContainerState> exited, List<String> removedOrphans) {
    public RecoveryReport {
        adopted = List.copyOf(adopted);
        exited = List.copyOf(exited);
        removedOrphans = List.copyOf(removedOrphans);
    }
}
