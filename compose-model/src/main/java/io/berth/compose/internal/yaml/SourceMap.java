package io.berth.compose.internal.yaml;

import io.berth.compose.internal.tree.TreePath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of the compose files came from: tree path to file, line and column. Filled by
 * {@link YamlReader}; read when an error must name a position. Later files win, as they do in the merge.
 */
public final class SourceMap {
    /** A position in a file; line and column are 1-based. */
    public record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    private final Map<List<String>, Position> positions = new HashMap<>();

    void put(TreePath path, Position position) {
        positions.put(path.segments(), position);
    }

    /** The position of the value at {@code path}, or of its nearest ancestor that has one; null if none. */
    public Position find(TreePath path) {
        TreePath p = path;
        while (true) {
            Position pos = positions.get(p.segments());
            if (pos != null || p.size() == 0) {
                return pos;
            }
            p = p.parent();
        }
    }

    /** {@code file:line:col} of the value at path (or nearest ancestor), else the given file name. */
    public String describe(TreePath path, String fallbackFile) {
        Position p = find(path);
        return p != null ? p.toString() : fallbackFile;
    }
}
