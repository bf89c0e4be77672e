package io.berth.compose.compat;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.compose.BerthException;
import io.berth.compose.ComposeLoader;
import io.berth.compose.LoadOptions;
import io.berth.compose.Project;
import io.berth.compose.internal.output.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A project directory of several files (compose files, {@code .env}, env files, included projects) loaded the way
 * {@code docker compose -f a -f b config --format json} loads it, with parts of the printed JSON returned on one
 * line so that a test states exactly what compose-go prints, JSON types included.
 */
final class ProjectFixture {
    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();

    ProjectFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes a file (creating its directories) relative to the project directory. */
    ProjectFixture file(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a variable of the process environment. */
    ProjectFixture env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** {@code docker compose -f files[0] -f files[1]... config}, run in the project directory. */
    Project load(String... files) {
        return load(b -> b.files(List.of(files)));
    }

    /** Loads with options set by {@code options} (files, profiles, env files, project directory...). */
    Project load(UnaryOperator<LoadOptions.Builder> options) {
        return new ComposeLoader().load(options.apply(LoadOptions.builder(dir, env)).build());
    }

    /** Asserts loading fails and the message contains every fragment, ignoring case; returns the message. */
    String error(UnaryOperator<LoadOptions.Builder> options, String... fragments) {
        BerthException e = assertThrows(BerthException.class, () -> load(options));
        String msg = e.getMessage();
        for (String f : fragments) {
            assertTrue(msg.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)),
                    () -> "expected \"" + f + "\" in: " + msg);
        }
        return msg;
    }

    /** {@link #error(UnaryOperator, String...)} for {@code -f files}. */
    String error(List<String> files, String... fragments) {
        return error(b -> b.files(files), fragments);
    }

    /** The printed JSON at a path of the model ({@code "services", "web", "ports"}), on one line. */
    static String json(Project p, String... path) {
        Object v = p.jsonModel();
        for (String k : path) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(k)) {
                return "absent";
            }
            v = m.get(k);
        }
        return JsonWriter.compact(v);
    }

    /** One service as printed, on one line. */
    static String service(Project p, String name) {
        return json(p, "services", name);
    }
}
