package io.berth.compose;

import io.berth.compose.internal.load.Loader;

/**
 * Loads compose files into a {@link Project}, the way {@code docker compose} (compose-go) does: YAML 1.2,
 * interpolation, {@code .env}, several {@code -f} merged, {@code extends}, {@code include}, profiles,
 * validation against the Compose JSON schema, normalization to the canonical form.
 *
 * <pre>{@code
 * Project p = new ComposeLoader().load(LoadOptions.builder(Path.of("."), System.getenv()).build());
 * System.out.println(p.service("web").spec().get("image"));
 * }</pre>
 *
 * Thread-safe and reusable; it keeps only the compiled schema between calls.
 */
public final class ComposeLoader {
    private final Loader loader = new Loader();

    /**
     * @throws ComposeException when a file is missing, unreadable, invalid or inconsistent; the message names
     *                          the file, the position and the field
     */
    public Project load(LoadOptions options) {
        return loader.load(options);
    }
}
