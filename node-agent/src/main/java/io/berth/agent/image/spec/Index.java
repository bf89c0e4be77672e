package io.berth.agent.image.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An image index: OCI image index v1 or Docker manifest list v2 (same shape). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Index(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("manifests") List<Descriptor> manifests,
        @JsonProperty("annotations") Map<String, String> annotations) {

    /** The first manifest for the platform (entries without a platform never match). */
    public Optional<Descriptor> manifestFor(Platform wanted) {
        return manifests == null ? Optional.empty() : manifests.stream()
                .filter(d -> d.platform() != null && d.platform().matches(wanted))
                .findFirst();
    }
}
