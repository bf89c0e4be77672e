package io.berth.agent.image.internal.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageLayer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The on-disk form of an {@link Image} ({@code <dataRoot>/images/<id hex>.json}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredImage(
        @JsonProperty("id") String id,
        @JsonProperty("manifestDigest") String manifestDigest,
        @JsonProperty("manifestMediaType") String manifestMediaType,
        @JsonProperty("repoTags") List<String> repoTags,
        @JsonProperty("repoDigests") List<String> repoDigests,
        @JsonProperty("created") String created,
        @JsonProperty("size") long size,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("layers") List<Layer> layers,
        @JsonProperty("lastTagTime") String lastTagTime) {

    record Layer(@JsonProperty("digest") String digest, @JsonProperty("mediaType") String mediaType,
                 @JsonProperty("size") long size, @JsonProperty("diffId") String diffId,
                 @JsonProperty("chainId") String chainId, @JsonProperty("unpackedSize") long unpackedSize) {
    }

    static StoredImage of(Image i) {
        return new StoredImage(i.id().toString(), i.manifestDigest().toString(), i.manifestMediaType(), i.repoTags(),
                i.repoDigests(), i.created() == null ? null : i.created().toString(), i.size(), i.labels(),
                i.layers().stream().map(l -> new Layer(l.digest().toString(), l.mediaType(), l.size(),
                        l.diffId().toString(), l.chainId().toString(), l.unpackedSize())).toList(),
                i.lastTagTime() == null ? null : i.lastTagTime().toString());
    }

    Image toImage() {
        return new Image(Digest.parse(id), Digest.parse(manifestDigest), manifestMediaType,
                repoTags == null ? List.of() : repoTags, repoDigests == null ? List.of() : repoDigests,
                created == null ? null : Instant.parse(created), size, labels == null ? Map.of() : labels,
                layers == null ? List.of() : layers.stream().map(l -> new ImageLayer(Digest.parse(l.digest()),
                        l.mediaType(), l.size(), Digest.parse(l.diffId()), Digest.parse(l.chainId()),
                        l.unpackedSize())).toList(),
                lastTagTime == null ? null : Instant.parse(lastTagTime));
    }
}
