package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Docker's {@code --env-file} and {@code --label-file}: one {@code KEY=VALUE} (or {@code KEY}) per line. */
final class EnvFiles {
    private EnvFiles() {
    }

    /** {@code -e KEY=VALUE} as is; {@code -e KEY} takes KEY's value from {@code env}, or is dropped when unset. */
    static List<String> variable(String e, Map<String, String> env) {
        if (e.indexOf('=') > 0) {
            return List.of(e);
        }
        if (e.isEmpty() || e.startsWith("=")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, e, "invalid environment variable: " + e);
        }
        String v = env.get(e);
        return v == null ? List.of() : List.of(e + "=" + v);
    }

    /** The entries of {@code file}: comments and blank lines skipped; {@code lookup} fills bare names when asked. */
    static List<String> read(Path file, Map<String, String> env, boolean lookup) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, file.toString(), "open " + file
                    + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.stripLeading();
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.indexOf('=') == 0) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, file + ":" + n, "invalid variable on line "
                        + n + " of " + file + ": no variable name before '='");
            }
            if (line.indexOf('=') > 0 || !lookup) {
                out.add(line);
            } else {
                out.addAll(variable(line.strip(), env));
            }
        }
        return out;
    }
}
