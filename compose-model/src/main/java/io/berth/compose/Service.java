package io.berth.compose;

import java.util.Map;

/**
 * A typed view over one service of a {@link Project}'s canonical model.
 *
 * @param name the service name
 * @param spec the canonical service map (unmodifiable)
 */
public record Service(String name, Map<String, Object> spec) {

    /** The image to run: {@code image:}, or {@code <project>-<service>} for a service that only builds. */
    public String image(String projectName) {
        Object image = spec.get("image");
        if (image != null) {
            return image.toString();
        }
        return projectName + "-" + name;
    }
}
