package io.berth.agent.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.runtime.ContainerConfig;
import io.berth.agent.runtime.CpuLimits;
import io.berth.agent.runtime.NetworkConfig;
import io.berth.agent.runtime.NetworkMode;
import io.berth.agent.runtime.Resources;
import io.berth.agent.runtime.RuntimeOptions;
import io.berth.agent.runtime.SeccompMode;
import io.berth.agent.runtime.SecurityConfig;
import io.berth.agent.runtime.Ulimit;
import io.berth.compose.BerthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compares fragments of generated config.json files with what Docker writes for the same flags. */
class OciSpecWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final HostFacts FACTS = new HostFacts(Capabilities.fromMask(0x1fffeffffffL),
            HostLimits.parse("Max open files            20000                20000                files\n"),
            false, true, "thehost", List::of, key -> true);

    private static JsonNode spec(ContainerConfig.Builder builder) {
        var user = new UserResolver.ResolvedUser(0, 0, List.of(), "/root");
        var in = new SpecInputs(Path.of("/var/lib/berth/containers", ID), "berth", Path.of("/usr/bin/catatonit"), FACTS);
        return JSON.valueToTree(new OciSpecWriter(SeccompProfiles.load()).write(builder.build(), user, in).spec());
    }

    private static ContainerConfig.Builder config(String... args) {
        return ContainerConfig.builder(ID, Path.of("/rootfs"), List.of(args));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    @Test
    void defaultsAreDockers() {
        JsonNode s = spec(config("echo", "hi"));
        assertEquals("1.0.2", s.path("ociVersion").asText());
        assertEquals("0123456789ab", s.path("hostname").asText());
        assertEquals("/berth/" + ID, s.at("/linux/cgroupsPath").asText());
        assertEquals(List.of("{\"type\":\"pid\"}", "{\"type\":\"ipc\"}", "{\"type\":\"uts\"}", "{\"type\":\"mount\"}",
                "{\"type\":\"cgroup\"}", "{\"type\":\"network\"}"), texts(s.at("/linux/namespaces")));
        assertEquals(Capabilities.DOCKER_DEFAULT, texts(s.at("/process/capabilities/bounding")));
        assertEquals(texts(s.at("/process/capabilities/bounding")), texts(s.at("/process/capabilities/effective")));
        assertTrue(s.at("/process/capabilities/inheritable").isMissingNode());
        assertTrue(s.at("/process/capabilities/ambient").isMissingNode());
        assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOSTNAME=0123456789ab", "HOME=/root"), texts(s.at("/process/env")));
        assertTrue(texts(s.at("/linux/maskedPaths")).containsAll(List.of("/proc/asound", "/proc/acpi", "/proc/kcore",
                "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
                "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap")));
        assertEquals(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"),
                texts(s.at("/linux/readonlyPaths")));
        assertEquals("0 2147483647", s.at("/linux/sysctl/net.ipv4.ping_group_range").asText());
    }

    @Test
    void mountsAreDockersStandardOnesThenTheContainersEtcFiles() {
        JsonNode s = spec(config("true").shmSize(128L * 1024 * 1024));
        Map<String, JsonNode> byDest = new HashMap<>();
        s.path("mounts").forEach(m -> byDest.put(m.path("destination").asText(), m));
        assertEquals("[\"nosuid\",\"strictatime\",\"mode=755\",\"size=65536k\"]", byDest.get("/dev").path("options").toString());
        assertEquals("[\"nosuid\",\"noexec\",\"newinstance\",\"ptmxmode=0666\",\"mode=0620\",\"gid=5\"]",
                byDest.get("/dev/pts").path("options").toString());
        assertEquals("[\"nosuid\",\"noexec\",\"nodev\",\"mode=1777\",\"size=134217728\"]",
                byDest.get("/dev/shm").path("options").toString());
        assertTrue(texts(byDest.get("/sys").path("options")).contains("ro"));
        assertEquals("cgroup", byDest.get("/sys/fs/cgroup").path("type").asText());
        assertEquals("mqueue", byDest.get("/dev/mqueue").path("type").asText());
        assertEquals("/var/lib/berth/containers/" + ID + "/resolv.conf", byDest.get("/etc/resolv.conf").path("source").asText());
        assertEquals("bind", byDest.get("/etc/hosts").path("type").asText());
        assertEquals("bind", byDest.get("/etc/hostname").path("type").asText());
    }

    @Test
    void networkModesDecideTheNetworkNamespace() {
        JsonNode host = spec(config("true").network(new NetworkConfig(new NetworkMode.Host(), "", "", List.of())));
        assertFalse(host.at("/linux/namespaces").toString().contains("network"));
        assertEquals("thehost", host.path("hostname").asText());
        assertTrue(host.at("/linux/sysctl").isMissingNode());
        JsonNode path = spec(config("true").network(new NetworkConfig(NetworkMode.parse("/run/netns/n1"), "", "",
                List.of())));
        assertTrue(path.at("/linux/namespaces").toString().contains("{\"type\":\"network\",\"path\":\"/run/netns/n1\"}"));
    }

    @Test
    void privilegedGetsAllCapabilitiesWeHoldNoSeccompNoMaskedPathsAndAllDevices() {
        JsonNode s = spec(config("true").security(new SecurityConfig(true, List.of(), List.of(), false,
                SeccompMode.DEFAULT)));
        List<String> caps = texts(s.at("/process/capabilities/bounding"));
        assertTrue(caps.contains("CAP_SYS_ADMIN"));
        assertFalse(caps.contains("CAP_SYS_RESOURCE"), "not in our bounding set");
        assertTrue(s.at("/linux/seccomp").isMissingNode());
        assertTrue(s.at("/linux/maskedPaths").isMissingNode());
        assertEquals("[{\"allow\":true,\"access\":\"rwm\"}]", s.at("/linux/resources/devices").toString());
    }

    @Test
    void capAddAndDropFollowDockersRules() {
        JsonNode s = spec(config("true").security(new SecurityConfig(false, List.of("net_admin"),
                List.of("CAP_CHOWN", "mknod"), true, SeccompMode.DEFAULT)));
        List<String> caps = texts(s.at("/process/capabilities/bounding"));
        assertTrue(caps.contains("CAP_NET_ADMIN"));
        assertFalse(caps.contains("CAP_CHOWN") || caps.contains("CAP_MKNOD"));
        assertTrue(s.at("/process/noNewPrivileges").asBoolean());
        JsonNode only = spec(config("true").security(new SecurityConfig(false, List.of("KILL"), List.of("ALL"), false,
                SeccompMode.DEFAULT)));
        assertEquals(List.of("CAP_KILL"), texts(only.at("/process/capabilities/bounding")));
        assertThrows(BerthException.class, () -> spec(config("true").security(new SecurityConfig(false,
                List.of("SYS_RESOURCE"), List.of(), false, SeccompMode.DEFAULT))));
        assertThrows(BerthException.class, () -> spec(config("true").security(new SecurityConfig(false,
                List.of("FLY"), List.of(), false, SeccompMode.DEFAULT))));
    }

    @Test
    void defaultSeccompIsAnAllowListWithCloneRestrictedWithoutSysAdmin() {
        JsonNode seccomp = spec(config("true")).at("/linux/seccomp");
        assertEquals("SCMP_ACT_ERRNO", seccomp.path("defaultAction").asText());
        assertEquals(1, seccomp.path("defaultErrnoRet").asInt());
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), texts(seccomp.path("architectures")));
        List<String> allowed = texts(seccomp.at("/syscalls/0/names"));
        assertTrue(allowed.containsAll(List.of("read", "write", "execve", "arch_prctl", "ptrace")));
        assertFalse(allowed.contains("mount") || allowed.contains("unshare") || allowed.contains("clone"));
        String all = seccomp.path("syscalls").toString();
        assertTrue(all.contains("{\"names\":[\"clone\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":[{\"index\":0,\"value\":2114060288,"
                + "\"valueTwo\":0,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}"), all);
        assertTrue(all.contains("{\"names\":[\"clone3\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38}"));
        JsonNode admin = spec(config("true").security(new SecurityConfig(false, List.of("SYS_ADMIN", "SYS_PTRACE"),
                List.of(), false, SeccompMode.DEFAULT))).at("/linux/seccomp");
        assertTrue(texts(admin.at("/syscalls/0/names")).containsAll(List.of("mount", "unshare", "clone", "setns",
                "process_vm_readv")));
        assertFalse(admin.path("syscalls").toString().contains("MASKED_EQ"));
        assertTrue(spec(config("true").security(new SecurityConfig(false, List.of(), List.of(), false,
                SeccompMode.UNCONFINED))).at("/linux/seccomp").isMissingNode());
    }

    @Test
    void resourcesUseDockersUnitsAndBlkioWeightWithoutKernelSupportWarns() {
        var builder = config("true").resources(new Resources(256L << 20, 0, new CpuLimits(1_500_000_000L, 512, "0-1"),
                100, 500));
        JsonNode r = spec(builder).at("/linux/resources");
        assertEquals(256L << 20, r.at("/memory/limit").asLong());
        assertEquals(512L << 20, r.at("/memory/swap").asLong(), "swap defaults to twice the memory, as in Docker");
        assertEquals(150000, r.at("/cpu/quota").asLong());
        assertEquals(100000, r.at("/cpu/period").asLong());
        assertEquals(512, r.at("/cpu/shares").asLong());
        assertEquals("0-1", r.at("/cpu/cpus").asText());
        assertEquals(100, r.at("/pids/limit").asLong());
        assertTrue(r.at("/blockIO").isMissingNode());
        var user = new UserResolver.ResolvedUser(0, 0, List.of(), "/");
        var in = new SpecInputs(Path.of("/c"), "berth", Path.of("/init"), FACTS);
        var result = new OciSpecWriter(SeccompProfiles.load()).write(builder.build(), user, in);
        assertEquals(List.of(OciLinuxSection.BLKIO_WARNING), result.warnings());
    }

    @Test
    void ulimitsAreCheckedAgainstOurHardLimitAndInitIsPrepended() {
        JsonNode s = spec(config("sh", "-c", "x").options(new RuntimeOptions(true, null,
                List.of(Ulimit.parse("nofile=1024:2048")), 500, Map.of("net.core.somaxconn", "1024"), null)));
        assertEquals("[{\"type\":\"RLIMIT_NOFILE\",\"hard\":2048,\"soft\":1024}]", s.at("/process/rlimits").toString());
        assertEquals(List.of("/sbin/docker-init", "--", "sh", "-c", "x"), texts(s.at("/process/args")));
        assertEquals(500, s.at("/process/oomScoreAdj").asInt());
        assertEquals("1024", s.at("/linux/sysctl/net.core.somaxconn").asText());
        assertTrue(s.path("mounts").toString().contains("{\"destination\":\"/sbin/docker-init\",\"type\":\"bind\","
                + "\"source\":\"/usr/bin/catatonit\",\"options\":[\"bind\",\"ro\"]}"));
        var e = assertThrows(BerthException.class, () -> spec(config("true").options(new RuntimeOptions(false, null,
                List.of(Ulimit.parse("nofile=30000")), null, null, null))));
        assertTrue(e.getMessage().contains("hard limit 20000") && e.getMessage().contains("nofile=20000:20000"));
        assertThrows(BerthException.class, () -> spec(config("true").options(new RuntimeOptions(false, null,
                List.of(), null, Map.of("kernel.panic", "1"), null))));
    }

    @Test
    void readonlyRootfsMakesTheEtcFilesReadOnlyToo() {
        JsonNode s = spec(config("true").readonlyRootfs(true).tty(true).env("TERM=vt100"));
        assertTrue(s.at("/root/readonly").asBoolean());
        s.path("mounts").forEach(m -> {
            if (m.path("destination").asText().startsWith("/etc/")) {
                assertTrue(texts(m.path("options")).contains("ro"));
            }
        });
        assertTrue(s.at("/process/terminal").asBoolean());
        assertEquals(Set.of("TERM=vt100"), Set.copyOf(texts(s.at("/process/env")).stream()
                .filter(e -> e.startsWith("TERM=")).toList()));
    }
}
