package io.berth.agent.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.agent.engine.ImagePort.ImageDefaults;
import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.engine.spec.HostConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSpecsTest {
    private static final ImageDefaults IMAGE = new ImageDefaults(List.of("PATH=/bin", "LANG=C"), List.of("sh"),
            List.of(), "/srv", "app", Map.of("/data", Map.of()), Map.of(), Map.of("from", "image", "x", "1"),
            "SIGQUIT", null);

    private static ContainerConfig user(List<String> cmd, List<String> entrypoint, List<String> env) {
        return new ContainerConfig(null, null, null, null, null, null, null, null, null, null, env, cmd, null,
                "busybox", null, null, entrypoint, Map.of("x", "2"), null, null);
    }

    @Test
    void theImageGivesWhatTheUserLeavesOutAndEnvMergesByKey() {
        ContainerConfig merged = ContainerSpecs.merge(user(null, null, List.of("LANG=en", "NEW=1")), IMAGE,
                "busybox", "0123456789ab");
        assertEquals(List.of("sh"), merged.cmd());
        assertNull(merged.entrypoint());
        assertEquals(List.of("PATH=/bin", "LANG=en", "NEW=1"), merged.env());
        assertEquals("/srv", merged.workingDir());
        assertEquals("app", merged.user());
        assertEquals("SIGQUIT", merged.stopSignal());
        assertEquals("0123456789ab", merged.hostname());
        assertEquals(Map.of("from", "image", "x", "2"), merged.labels());
        assertEquals(Map.of("/data", Map.of()), merged.volumes());
    }

    @Test
    void aUserEntrypointDropsTheImagesCmdAsDockerDoes() {
        ContainerConfig merged = ContainerSpecs.merge(user(null, List.of("/bin/echo"), null), IMAGE, "busybox", "h");
        assertEquals(List.of("/bin/echo"), merged.entrypoint());
        assertNull(merged.cmd());
        ContainerConfig both = ContainerSpecs.merge(user(List.of("hi"), List.of("/bin/echo"), null), IMAGE, "b", "h");
        assertEquals(List.of("hi"), both.cmd());
    }

    @Test
    void securityOptionsAreReadOrRefusedByName() {
        HostConfig host = new HostConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("no-new-privileges:true", "seccomp=unconfined"), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        assertEquals(true, ContainerSpecs.security(host).noNewPrivileges());
        HostConfig bad = new HostConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("apparmor=x"), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerSpecs.security(bad));
        assertEquals(true, e.getMessage().contains("apparmor=x"));
    }

    @Test
    void logOptionsUseDockersSizes() {
        assertEquals(10L * 1024 * 1024, Sizes.parse("10m"));
        assertEquals(512L * 1024, Sizes.parse("512k"));
        assertEquals(2L * 1024 * 1024 * 1024, Sizes.parse("2g"));
        assertEquals(100, Sizes.parse("100"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
    }
}
