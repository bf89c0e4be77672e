package io.berth.cli;

import io.berth.compose.LoadOptions;
import io.berth.compose.Project;

/**
 * Loads a compose project. The seam between the command line and compose-model: {@link Main} passes
 * {@code new ComposeLoader()::load}, tests pass a fake that records the {@link LoadOptions} it was given.
 */
@FunctionalInterface
public interface ProjectLoader {
    /** @throws io.berth.compose.BerthException when the files cannot be loaded; the message says why */
    Project load(LoadOptions options);
}
