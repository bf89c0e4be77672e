package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The wire format of an OCI runtime-spec {@code config.json} (the parts Berth writes), as Jackson records. Empty
 * and null members are left out, as runc's own files do.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OciSpec(String ociVersion, Process process, Root root, String hostname, String domainname,
                      List<Mount> mounts, Map<String, String> annotations, Linux linux) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Process(boolean terminal, User user, List<String> args, List<String> env, String cwd,
                          Capabilities capabilities, List<Rlimit> rlimits, boolean noNewPrivileges,
                          Integer oomScoreAdj) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(long uid, long gid, List<Long> additionalGids) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capabilities(List<String> bounding, List<String> effective, List<String> permitted) {
    }

    public record Rlimit(String type, BigInteger hard, BigInteger soft) {
    }

    public record Root(String path, boolean readonly) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Mount(String destination, String type, String source, List<String> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Linux(Map<String, String> sysctl, Resources resources, String cgroupsPath,
                        List<Namespace> namespaces, List<Device> devices, Seccomp seccomp, List<String> maskedPaths,
                        List<String> readonlyPaths) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resources(List<DeviceRule> devices, Memory memory, Cpu cpu, Pids pids, BlockIo blockIO) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceRule(boolean allow, String type, Long major, Long minor, String access) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Memory(Long limit, Long swap) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cpu(Long shares, Long quota, Long period, String cpus) {
    }

    public record Pids(long limit) {
    }

    public record BlockIo(int weight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Namespace(String type, String path) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String path, String type, long major, long minor, Integer fileMode, Long uid, Long gid) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Seccomp(String defaultAction, Integer defaultErrnoRet, List<String> architectures,
                          List<Syscall> syscalls) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Syscall(List<String> names, String action, Integer errnoRet, List<Arg> args) {
    }

    public record Arg(int index, long value, long valueTwo, String op) {
    }
}
