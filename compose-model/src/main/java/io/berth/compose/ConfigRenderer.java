package io.berth.compose;

import io.berth.compose.internal.output.JsonWriter;
import io.berth.compose.internal.output.YamlWriter;
import io.berth.compose.internal.normalize.ConfigHash;

import java.util.Map;

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
     * Any tree of maps, lists and scalars as go-yaml's {@code yaml.Marshal} prints it (four-space indents, strings
     * that would read back as another type double-quoted), as docker compose prints {@code config --variables
     * --format yaml}.
     */
    public static String goYaml(Object tree) {
        return YamlWriter.write(tree, 4);
    }

    /**
     * The config hash of one service, as docker compose computes it ({@code config --hash},
     * {@code com.docker.compose.config-hash}): sha256 of its canonical JSON without build, pull_policy, scale,
     * replicas, depends_on and profiles; insensitive to key order, stable across runs. What decides whether a
     * container must be recreated.
     */
    @SuppressWarnings("unchecked")
    public static String hash(Project project, String service) {
        project.service(service); // NOT_FOUND with the list of services when there is no such service
        Map<String, Object> services = (Map<String, Object>) project.jsonModel().get("services");
        return ConfigHash.of((Map<String, Object>) services.get(service));
    }
}
