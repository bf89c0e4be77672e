package io.berth.compose.internal.yaml;

import io.berth.compose.internal.tree.TreePath;

import java.util.List;
import java.util.Map;

/**
 * One YAML document of a compose file as a generic tree, with the paths that carried {@code !reset} or
 * {@code !override}: those replace, rather than merge with, what earlier files set.
 */
public record YamlDocument(Map<String, Object> tree, List<TreePath> resetPaths) {
    public YamlDocument {
        resetPaths = List.copyOf(resetPaths);
    }
}
