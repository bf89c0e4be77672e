package io.berth.agent.image;

import java.util.List;

/**
 * What commit and import put into the image they make besides the layer: {@code --change} instructions
 * ({@link ConfigChanges}), author, the message (history comment and image comment), the history's
 * {@code created_by}, and the names to give it (none: a dangling image).
 */
public record NewImage(List<String> changes, String author, String message, String createdBy, List<String> names) {
    public NewImage {
        changes = changes == null ? List.of() : List.copyOf(changes);
        names = names == null ? List.of() : List.copyOf(names);
    }

    public static NewImage named(String... names) {
        return new NewImage(List.of(), null, null, null, List.of(names));
    }
}
