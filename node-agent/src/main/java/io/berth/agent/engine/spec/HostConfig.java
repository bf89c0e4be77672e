package io.berth.agent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The {@code HostConfig} of a container, in the Docker Engine API's shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostConfig(
        @JsonProperty("Binds") List<String> binds,
        @JsonProperty("Mounts") List<MountConfig> mounts,
        @JsonProperty("Tmpfs") Map<String, String> tmpfs,
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
        @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
        @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
        @JsonProperty("AutoRemove") Boolean autoRemove,
        @JsonProperty("Init") Boolean init,
        @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
        @JsonProperty("CapAdd") List<String> capAdd,
        @JsonProperty("CapDrop") List<String> capDrop,
        @JsonProperty("Privileged") Boolean privileged,
        @JsonProperty("SecurityOpt") List<String> securityOpt,
        @JsonProperty("Ulimits") List<Ulimit> ulimits,
        @JsonProperty("Memory") Long memory,
        @JsonProperty("MemorySwap") Long memorySwap,
        @JsonProperty("NanoCpus") Long nanoCpus,
        @JsonProperty("CpuShares") Long cpuShares,
        @JsonProperty("CpusetCpus") String cpusetCpus,
        @JsonProperty("PidsLimit") Long pidsLimit,
        @JsonProperty("BlkioWeight") Integer blkioWeight,
        @JsonProperty("ShmSize") Long shmSize,
        @JsonProperty("Sysctls") Map<String, String> sysctls,
        @JsonProperty("LogConfig") LogConfig logConfig,
        @JsonProperty("Dns") List<String> dns,
        @JsonProperty("DnsSearch") List<String> dnsSearch,
        @JsonProperty("DnsOptions") List<String> dnsOptions,
        @JsonProperty("ExtraHosts") List<String> extraHosts,
        @JsonProperty("GroupAdd") List<String> groupAdd,
        @JsonProperty("OomScoreAdj") Integer oomScoreAdj) {

    public boolean isAutoRemove() {
        return Boolean.TRUE.equals(autoRemove);
    }

    public boolean isPrivileged() {
        return Boolean.TRUE.equals(privileged);
    }

    public String networkModeOrDefault() {
        return networkMode == null || networkMode.isEmpty() || "default".equals(networkMode) ? "bridge" : networkMode;
    }

    public RestartPolicy restartPolicyOrNo() {
        return restartPolicy == null || restartPolicy.name() == null || restartPolicy.name().isEmpty()
                ? RestartPolicy.NO : restartPolicy;
    }

    /** A bind/volume/tmpfs mount as {@code HostConfig.Mounts} carries it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MountConfig(@JsonProperty("Type") String type, @JsonProperty("Source") String source,
                              @JsonProperty("Target") String target, @JsonProperty("ReadOnly") Boolean readOnly,
                              @JsonProperty("Consistency") String consistency,
                              @JsonProperty("BindOptions") Map<String, Object> bindOptions,
                              @JsonProperty("VolumeOptions") Map<String, Object> volumeOptions,
                              @JsonProperty("TmpfsOptions") Map<String, Object> tmpfsOptions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortBinding(@JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RestartPolicy(@JsonProperty("Name") String name,
                                @JsonProperty("MaximumRetryCount") int maximumRetryCount) {
        public static final RestartPolicy NO = new RestartPolicy("no", 0);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ulimit(@JsonProperty("Name") String name, @JsonProperty("Soft") long soft,
                         @JsonProperty("Hard") long hard) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogConfig(@JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {
    }
}
