package io.berth.cli;

import io.berth.compose.ConfigRenderer;
import io.berth.compose.Project;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one-name-per-line listings of {@code berth config} ({@code --services}, {@code --volumes}, ...), as pure
 * functions of a loaded {@link Project}. Where docker compose prints in Go's random map order, these print in a
 * stable order (the canonical model's, which is sorted by name); {@code --services} keeps compose's rule that a
 * service comes after the services it depends on.
 */
final class ConfigListings {
    private ConfigListings() {
    }

    /** Service names, each after its dependencies ({@code depends_on}), ties in name order. */
    static List<String> services(Project project) {
        Map<String, Object> services = project.services();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String name : new TreeMap<>(services).keySet()) {
            visit(name, services, done, visiting);
        }
        return List.copyOf(done);
    }

    private static void visit(String name, Map<String, Object> services, Set<String> done, Set<String> visiting) {
        // A dependency that is not in the project (disabled, required: false) is skipped, as compose does; a cycle
        // (which the loader rejects anyway) is cut where it closes.
        if (!services.containsKey(name) || done.contains(name) || !visiting.add(name)) {
            return;
        }
        if (services.get(name) instanceof Map<?, ?> spec && spec.get("depends_on") instanceof Map<?, ?> deps) {
            List<String> names = new ArrayList<>();
            deps.keySet().forEach(k -> names.add(String.valueOf(k)));
            names.sort(null);
            names.forEach(dep -> visit(dep, services, done, visiting));
        }
        done.add(name);
    }

    /** Names of the top-level {@code volumes}. */
    static List<String> volumes(Project project) {
        return List.copyOf(project.section("volumes").keySet());
    }

    /** Names of the top-level {@code networks} (with {@code default} when a service uses it). */
    static List<String> networks(Project project) {
        return List.copyOf(project.section("networks").keySet());
    }

    /** The {@code model} of each top-level {@code models} entry that has one. */
    static List<String> models(Project project) {
        List<String> out = new ArrayList<>();
        for (Object m : project.section("models").values()) {
            if (m instanceof Map<?, ?> model && model.get("model") != null) {
                out.add(String.valueOf(model.get("model")));
            }
        }
        return out;
    }

    /** Every profile named by a service, enabled or not, sorted. */
    static List<String> profiles(Project project) {
        return List.copyOf(project.allProfiles());
    }

    /** The image of each service: {@code image:}, or {@code <project>-<service>} for one that only builds. */
    static List<String> images(Project project) {
        List<String> out = new ArrayList<>();
        for (String name : project.services().keySet()) {
            out.add(project.service(name).image(project.name()));
        }
        return out;
    }

    /** {@code NAME=value} of the interpolation environment, sorted. */
    static List<String> environment(Project project) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(project.environment()).forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /**
     * Lines {@code <service> <hash>} for {@code --hash}: {@code *} means every service; otherwise a comma-separated
     * list, printed in name order. A name that is not a service fails with NOT_FOUND.
     */
    static List<String> hashes(Project project, String selection) {
        List<String> names = selection.equals("*")
                ? new ArrayList<>(project.services().keySet())
                : new ArrayList<>(Arrays.asList(selection.split(",")));
        names.sort(null);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            out.add(name + " " + ConfigRenderer.hash(project, name));
        }
        return out;
    }
}
