package io.berth.compose.internal.load;

import java.util.function.Function;

/**
 * How one load pass runs: the main project, an {@code include}d project or an {@code extends}ed file each read
 * files with different steps switched off, as compose does.
 *
 * @param lookup          variable lookup for interpolation, or null to skip interpolation
 * @param resourceDir     the directory that relative {@code extends.file} and {@code include.path} resolve against
 */
record LoadFlags(
        Function<String, String> lookup,
        String resourceDir,
        boolean skipExtends,
        boolean skipInclude,
        boolean skipValidation,
        boolean skipDefaults,
        boolean resolvePaths) {

    LoadFlags withResourceDir(String dir) {
        return new LoadFlags(lookup, dir, skipExtends, skipInclude, skipValidation, skipDefaults, resolvePaths);
    }

    LoadFlags withLookup(Function<String, String> l) {
        return new LoadFlags(l == null ? null : lookup == null ? null : l, resourceDir, skipExtends, skipInclude,
                skipValidation, skipDefaults, resolvePaths);
    }

    /** For a file read by {@code extends}: only parse and interpolate; the merge result is validated instead. */
    LoadFlags forExtends(String dir) {
        return new LoadFlags(lookup, dir, true, true, true, true, false);
    }

    /** For a project read by {@code include}. */
    LoadFlags forInclude(String dir) {
        return new LoadFlags(lookup, dir, skipExtends, skipInclude, skipValidation, skipDefaults, true);
    }
}
