package io.berth.compose.internal.load;

import io.berth.compose.LoadOptions;
import io.berth.compose.Project;

/** The loading pipeline: files → YAML → interpolate → extends/include → merge → validate → normalize. */
public final class Loader {
    public Project load(LoadOptions options) {
        throw new UnsupportedOperationException("being written");
    }
}
