package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;

import java.util.ArrayList;
import java.util.List;

/** The chain of {@code extends} being followed, to report a cycle with every step of it. */
final class ExtendsTracker {
    private record Ref(String file, String service) {
    }

    private final List<Ref> loaded;

    ExtendsTracker() {
        this(List.of());
    }

    private ExtendsTracker(List<Ref> loaded) {
        this.loaded = loaded;
    }

    ExtendsTracker add(String file, String service) {
        Ref ref = new Ref(file, service);
        if (loaded.contains(ref)) {
            StringBuilder sb = new StringBuilder("Circular reference:\n");
            sb.append("  ").append(loaded.get(0).service()).append(" in ").append(loaded.get(0).file());
            List<Ref> rest = new ArrayList<>(loaded.subList(1, loaded.size()));
            rest.add(ref);
            for (Ref r : rest) {
                sb.append("\n  extends ").append(r.service()).append(" in ").append(r.file());
            }
            throw new ComposeException(file, sb.toString());
        }
        List<Ref> next = new ArrayList<>(loaded);
        next.add(ref);
        return new ExtendsTracker(next);
    }
}
