package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.runtime.RuntimeInfo;
import io.berth.agent.runtime.RuntimeSettings;
import java.time.Clock;
import java.util.function.Supplier;

/** What the runtime's parts share: settings, paths, the runtime CLI, conmon, host facts, clock and id source. */
record RuntimeContext(RuntimeSettings settings, ContainerPaths paths, OciCli cli, Conmon conmon, ObjectMapper json,
                      NativeCalls calls, CgroupMounts cgroups, HostFacts facts, RuntimeInfo info, Clock clock,
                      Supplier<String> ids) {

    String cgroupsPath(String id) {
        return "/" + settings.cgroupParent() + "/" + id;
    }
}
