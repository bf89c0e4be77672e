package io.berth.agent.image.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The image configuration blob: OCI image-spec {@code config.json} with the fields Docker adds (healthcheck,
 * onbuild, shell, comment, container_config...). Its digest is the image ID. Field names are the wire's.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("author") String author,
        @JsonProperty("comment") String comment,
        @JsonProperty("config") Config config,
        @JsonProperty("container") String container,
        @JsonProperty("container_config") Config containerConfig,
        @JsonProperty("created") String created,
        @JsonProperty("docker_version") String dockerVersion,
        @JsonProperty("history") List<History> history,
        @JsonProperty("os") String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures,
        @JsonProperty("variant") String variant,
        @JsonProperty("rootfs") RootFs rootfs) {

    /** The execution parameters ({@code config}): OCI's fields and Docker's capitalized extras. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Config(
            @JsonProperty("Hostname") String hostname,
            @JsonProperty("Domainname") String domainname,
            @JsonProperty("User") String user,
            @JsonProperty("ExposedPorts") Map<String, Map<String, Object>> exposedPorts,
            @JsonProperty("Env") List<String> env,
            @JsonProperty("Entrypoint") List<String> entrypoint,
            @JsonProperty("Cmd") List<String> cmd,
            @JsonProperty("Healthcheck") HealthConfig healthcheck,
            @JsonProperty("ArgsEscaped") Boolean argsEscaped,
            @JsonProperty("Image") String image,
            @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
            @JsonProperty("WorkingDir") String workingDir,
            @JsonProperty("OnBuild") List<String> onBuild,
            @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("StopSignal") String stopSignal,
            @JsonProperty("StopTimeout") Integer stopTimeout,
            @JsonProperty("Shell") List<String> shell) {

        public static final Config EMPTY = new Config(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** Docker's healthcheck of an image (durations in nanoseconds). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HealthConfig(
            @JsonProperty("Test") List<String> test,
            @JsonProperty("Interval") Long interval,
            @JsonProperty("Timeout") Long timeout,
            @JsonProperty("StartPeriod") Long startPeriod,
            @JsonProperty("StartInterval") Long startInterval,
            @JsonProperty("Retries") Integer retries) {
    }

    /** {@code rootfs}: the diff IDs of the layers, bottom first. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    /** One step of the image's history; {@code empty_layer} steps made no layer. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(
            @JsonProperty("created") String created,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("author") String author,
            @JsonProperty("comment") String comment,
            @JsonProperty("empty_layer") Boolean emptyLayer) {

        public boolean isEmptyLayer() {
            return Boolean.TRUE.equals(emptyLayer);
        }
    }

    public Config configOrEmpty() {
        return config == null ? Config.EMPTY : config;
    }

    public List<String> diffIds() {
        return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
    }
}
