package io.berth.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded, normalized compose project. Immutable.
 *
 * <p>{@link #model()} is the canonical compose document, exactly what {@code berth config --format json} prints:
 * an ordered tree of {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Long},
 * {@code Double} ({@code Float} for compose-go's float32 fields), {@code Boolean} and null, every collection
 * unmodifiable. Typed views over it ({@link Service})
 * are derived, never stored twice.
 *
 * @param name             the project name, normalized
 * @param workingDir       the project directory
 * @param composeFiles     the files that were read, in order ({@code -} for stdin)
 * @param model            the canonical document (see above), with {@code x-*} extensions: what YAML output prints
 * @param jsonModel        the same document as {@code config --format json} prints it (compose's JSON leaves
 *                         extensions inside objects out and prints absent commands as null)
 * @param disabledServices services switched off by inactive profiles, in canonical form
 * @param environment      the environment used for interpolation (OS env over .env)
 * @param warnings         things the user should know but that are not errors (obsolete {@code version})
 */
public record Project(
        String name,
        Path workingDir,
        List<String> composeFiles,
        Map<String, Object> model,
        Map<String, Object> jsonModel,
        Map<String, Object> disabledServices,
        Map<String, String> environment,
        List<String> warnings) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        composeFiles = List.copyOf(composeFiles);
        warnings = List.copyOf(warnings);
    }

    /** Services in canonical form, by name, in the order compose prints them (sorted by name). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> services() {
        return (Map<String, Object>) model.getOrDefault("services", Map.of());
    }

    public Service service(String serviceName) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) services().get(serviceName);
        if (s == null) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "service " + serviceName,
                    "no such service: " + serviceName + " (the project has " + services().keySet() + ")");
        }
        return new Service(serviceName, s);
    }

    /** Top-level section ({@code networks}, {@code volumes}, {@code secrets}, {@code configs}) by name. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        return (Map<String, Object>) model.getOrDefault(key, Map.of());
    }

    /** Every profile named by any service, enabled or not, sorted. */
    public Set<String> allProfiles() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Map<String, Object> m : List.of(services(), disabledServices)) {
            for (Object svc : m.values()) {
                Object p = ((Map<?, ?>) svc).get("profiles");
                if (p instanceof List<?> l) {
                    l.forEach(x -> out.add(String.valueOf(x)));
                }
            }
        }
        return out;
    }
}
