package io.berth.agent.image.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code platform} of an index entry (OCI image-index spec). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Platform(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures,
        @JsonProperty("variant") String variant) {

    public static final Platform LINUX_AMD64 = new Platform("amd64", "linux", null, null, null);

    public boolean matches(Platform wanted) {
        return wanted.os().equals(os) && wanted.architecture().equals(architecture)
                && (wanted.variant() == null || wanted.variant().equals(variant));
    }
}
