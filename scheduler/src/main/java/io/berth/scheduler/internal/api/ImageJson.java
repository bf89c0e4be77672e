package io.berth.scheduler.internal.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.HistoryEntry;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageDeleteItem;
import io.berth.agent.image.ImageInspect;
import io.berth.agent.image.ImageReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker Engine API v1.43 JSON of images: list summaries, inspect, history rows, delete items. */
final class ImageJson {
    private ImageJson() {
    }

    /** {@code GET /images/json}: names familiar ({@code busybox:latest}, {@code busybox@sha256:…}). */
    static Map<String, Object> summary(Image image, int containers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", image.id().toString());
        m.put("ParentId", "");
        m.put("RepoTags", image.repoTags().stream().map(ImageJson::familiar).toList());
        m.put("RepoDigests", image.repoDigests().stream().map(ImageJson::familiar).toList());
        m.put("Created", seconds(image.created()));
        m.put("Size", image.size());
        m.put("SharedSize", -1);
        m.put("VirtualSize", image.size());
        m.put("Labels", image.labels());
        m.put("Containers", containers);
        return m;
    }

    /** {@code GET /images/{name}/json}: the store's inspect plus {@code GraphDriver} and {@code VirtualSize}. */
    static Map<String, Object> inspect(ImageInspect inspect, ObjectMapper json) {
        Map<String, Object> m = json.convertValue(inspect, new TypeReference<LinkedHashMap<String, Object>>() { });
        m.put("VirtualSize", inspect.size());
        m.put("GraphDriver", Map.of("Name", "overlay", "Data", Map.of()));
        return m;
    }

    /** One row of {@code GET /images/{name}/history}. */
    static Map<String, Object> history(HistoryEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", entry.id());
        m.put("Created", seconds(entry.created()));
        m.put("CreatedBy", entry.createdBy());
        m.put("Tags", entry.tags().isEmpty() ? null : entry.tags());
        m.put("Size", entry.size());
        m.put("Comment", entry.comment());
        return m;
    }

    /** {@code {"Untagged":…}} or {@code {"Deleted":…}}. */
    static Map<String, Object> deleted(ImageDeleteItem item) {
        return item.untagged() != null ? Map.of("Untagged", familiar(item.untagged()))
                : Map.of("Deleted", item.deleted());
    }

    static List<Map<String, Object>> deleted(List<ImageDeleteItem> items) {
        return items.stream().map(ImageJson::deleted).toList();
    }

    static String familiar(String name) {
        try {
            return ImageReference.parse(name).familiar();
        } catch (RuntimeException notAName) {
            return name;
        }
    }

    private static long seconds(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }
}
