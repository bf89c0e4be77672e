package io.berth.agent.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.agent.image.spec.ImageConfig;
import java.util.List;

/**
 * What {@code docker image inspect} prints, field for field (the JSON names are Docker's). {@code config} is
 * the image's execution config (env, cmd, entrypoint, working dir, user, exposed ports, volumes, labels, stop
 * signal, healthcheck, onbuild, shell). Names here are familiar ({@code busybox:latest}), as Docker prints them.
 */
public record ImageInspect(
        @JsonProperty("Id") String id,
        @JsonProperty("RepoTags") List<String> repoTags,
        @JsonProperty("RepoDigests") List<String> repoDigests,
        @JsonProperty("Parent") String parent,
        @JsonProperty("Comment") String comment,
        @JsonProperty("Created") String created,
        @JsonProperty("DockerVersion") String dockerVersion,
        @JsonProperty("Author") String author,
        @JsonProperty("Config") ImageConfig.Config config,
        @JsonProperty("Architecture") String architecture,
        @JsonProperty("Variant") String variant,
        @JsonProperty("Os") String os,
        @JsonProperty("Size") long size,
        @JsonProperty("RootFS") RootFs rootFs,
        @JsonProperty("Metadata") Metadata metadata) {

    /** {@code RootFS}: type "layers" and the diff IDs, bottom first. */
    public record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {
    }

    /** {@code Metadata.LastTagTime}: when a name last moved to this image (RFC 3339), or Go's zero time. */
    public record Metadata(@JsonProperty("LastTagTime") String lastTagTime) {
    }
}
