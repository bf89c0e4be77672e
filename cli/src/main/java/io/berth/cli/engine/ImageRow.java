package io.berth.cli.engine;

import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of {@code images}: a repository and tag (or digest) of one image, with docker's columns. */
record ImageRow(String repository, String tag, String digest, Map<String, Object> image, boolean trunc, Instant now,
                ZoneId zone) implements TemplateObject {
    static final Map<String, String> HEADERS = Map.of("ID", "IMAGE ID", "Repository", "REPOSITORY", "Tag", "TAG",
            "Digest", "DIGEST", "CreatedSince", "CREATED", "CreatedAt", "CREATED AT", "Size", "SIZE",
            "Containers", "CONTAINERS", "SharedSize", "SHARED SIZE", "UniqueSize", "UNIQUE SIZE");
    static final String DEFAULT = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    static final String DEFAULT_DIGESTS = "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}"
            + "\t{{.Size}}";

    @Override
    public Object field(String name, List<Object> args) {
        return switch (name) {
            case "ID" -> id();
            case "Repository" -> repository;
            case "Tag" -> tag;
            case "Digest" -> digest;
            case "CreatedSince" -> created().getEpochSecond() <= 0 ? "N/A"
                    : Units.humanDuration(Duration.between(created(), now)) + " ago";
            case "CreatedAt" -> Units.goTime(created(), zone);
            case "Size" -> Units.humanSize(num("Size"));
            case "SharedSize" -> num("SharedSize") < 0 ? "N/A" : Units.humanSize(num("SharedSize"));
            case "UniqueSize" -> num("SharedSize") < 0 ? "N/A" : Units.humanSize(num("Size") - num("SharedSize"));
            case "Containers" -> num("Containers") < 0 ? "N/A" : Long.toString(num("Containers"));
            default -> MISSING;
        };
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : List.of("Containers", "CreatedAt", "CreatedSince", "Digest", "ID", "Repository",
                "SharedSize", "Size", "Tag", "UniqueSize")) {
            m.put(f, field(f, List.of()));
        }
        return m;
    }

    String id() {
        String id = io.berth.cli.client.Json.string(image.get("Id"));
        return trunc ? ImageRefs.shortId(id) : id;
    }

    private Instant created() {
        return Instant.ofEpochSecond(num("Created"));
    }

    private long num(String key) {
        Object v = image.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
