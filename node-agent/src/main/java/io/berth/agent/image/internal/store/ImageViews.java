package io.berth.agent.image.internal.store;

import io.berth.agent.image.HistoryEntry;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageInspect;
import io.berth.agent.image.ReferenceNormalizer;
import io.berth.agent.image.spec.ImageConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code docker history} and {@code docker image inspect} computed from an image and its config. */
final class ImageViews {
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private ImageViews() {
    }

    static List<HistoryEntry> history(Image image, ImageConfig config, ReferenceNormalizer names) {
        List<HistoryEntry> rows = new ArrayList<>();
        List<ImageConfig.History> steps = config.history() == null ? List.of() : config.history();
        int layer = 0;
        for (ImageConfig.History h : steps) {
            long size = 0;
            if (!h.isEmptyLayer() && layer < image.layers().size()) {
                size = image.layers().get(layer++).unpackedSize();
            }
            rows.add(0, new HistoryEntry(HistoryEntry.MISSING, DefaultImageStore.parseTime(h.created()),
                    h.createdBy() == null ? "" : h.createdBy(), size, h.comment() == null ? "" : h.comment(), List.of()));
        }
        if (rows.isEmpty()) {
            return rows;
        }
        HistoryEntry top = rows.get(0);
        rows.set(0, new HistoryEntry(image.id().toString(), top.created(), top.createdBy(), top.size(), top.comment(),
                image.repoTags().stream().map(names::familiar).toList()));
        return rows;
    }

    static ImageInspect inspect(Image image, ImageConfig config, ReferenceNormalizer names) {
        Instant tagTime = image.lastTagTime();
        return new ImageInspect(
                image.id().toString(),
                image.repoTags().stream().map(names::familiar).toList(),
                image.repoDigests().stream().map(names::familiar).toList(),
                "",
                config.comment() == null ? "" : config.comment(),
                config.created() == null ? ZERO_TIME : config.created(),
                config.dockerVersion() == null ? "" : config.dockerVersion(),
                config.author() == null ? "" : config.author(),
                config.configOrEmpty(),
                config.architecture(),
                config.variant(),
                config.os(),
                image.size(),
                new ImageInspect.RootFs("layers", config.diffIds()),
                new ImageInspect.Metadata(tagTime == null ? ZERO_TIME : tagTime.toString()));
    }
}
