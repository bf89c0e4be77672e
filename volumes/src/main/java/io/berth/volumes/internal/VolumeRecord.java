package io.berth.volumes.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The metadata file of one volume ({@code <dataRoot>/volumes/<name>/volume.json}), a wire format of our own:
 * what {@code volume create} was given, whether the image's content was copied up, and (for volumes with mount
 * options only) the containers holding it mounted, so that a restarted daemon knows when to unmount.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VolumeRecord(
        @JsonProperty("version") int version,
        @JsonProperty("name") String name,
        @JsonProperty("driver") String driver,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("options") Map<String, String> options,
        @JsonProperty("populated") boolean populated,
        @JsonProperty("users") List<String> users) {

    public static final int VERSION = 1;

    public VolumeRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
        users = users == null ? List.of() : List.copyOf(users);
    }

    public VolumeRecord withPopulated(boolean value) {
        return new VolumeRecord(version, name, driver, createdAt, labels, options, value, users);
    }

    public VolumeRecord withUsers(List<String> value) {
        return new VolumeRecord(version, name, driver, createdAt, labels, options, populated, value);
    }
}
