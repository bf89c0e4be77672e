package io.berth.compose.internal.load;

import io.berth.compose.internal.tree.TreePath;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code !reset} / {@code !override} paths of one YAML document. Applied to what earlier files built before
 * the document is merged, so that those values are replaced instead of merged.
 */
final class ResetPaths {
    static final ResetPaths NONE = new ResetPaths(List.of());

    private final List<TreePath> paths;

    ResetPaths(List<TreePath> paths) {
        this.paths = List.copyOf(paths);
    }

    void apply(Object target) {
        if (!paths.isEmpty()) {
            apply(target, TreePath.ROOT);
        }
    }

    private void apply(Object target, TreePath path) {
        if (target instanceof Map<?, ?> m) {
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                TreePath next = path.next((String) e.getKey());
                if (paths.contains(next)) {
                    it.remove();
                } else {
                    apply(e.getValue(), next);
                }
            }
        } else if (target instanceof List<?> l) {
            for (Object o : l) {
                apply(o, path.next("[]"));
            }
        }
    }
}
