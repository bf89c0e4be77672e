package io.berth.agent.image.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.agent.image.Digest;
import java.util.List;
import java.util.Map;

/** An OCI content descriptor (wire form: the digest is kept as text). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("digest") String digest,
        @JsonProperty("size") long size,
        @JsonProperty("urls") List<String> urls,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") Platform platform,
        @JsonProperty("artifactType") String artifactType) {

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest.toString(), size, null, null, null, null);
    }

    /** The digest, parsed; throws {@link IllegalArgumentException} when the text is not a sha256 digest. */
    public Digest parsedDigest() {
        return Digest.parse(digest);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, urls, newAnnotations, platform, artifactType);
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, urls, annotations, newPlatform, artifactType);
    }
}
