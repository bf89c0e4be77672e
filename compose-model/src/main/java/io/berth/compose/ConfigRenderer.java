package io.berth.compose;

import io.berth.compose.internal.output.JsonWriter;
import io.berth.compose.internal.output.YamlWriter;
import io.berth.compose.internal.normalize.ConfigHash;

/** Renders a {@link Project} as {@code docker compose config} prints it, and computes service config hashes. */
public final class ConfigRenderer {
    private ConfigRenderer() {
    }

    /** The canonical model as JSON, two-space indented, as {@code docker compose config --format json}. */
    public static String json(Project project) {
        return JsonWriter.write(project.jsonModel());
    }

    /** The canonical model as YAML, as {@code docker compose config}. */
    public static String yaml(Project project) {
        return YamlWriter.write(project.model());
    }

    /**
     * The config hash of one service: a sha256 of its canonical form, insensitive to key order and stable across
     * runs; what decides whether a container must be recreated ({@code com.docker.compose.config-hash}).
     */
    public static String hash(Project project, String service) {
        return ConfigHash.of(project.service(service).spec());
    }
}
