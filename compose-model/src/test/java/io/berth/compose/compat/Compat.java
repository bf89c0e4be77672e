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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads one compose document the way {@code docker compose config --format json} would and renders parts of the
 * result as compact JSON, so a test can assert exactly what compose-go prints (JSON types included: {@code "80"}
 * is a string, {@code 80} a number).
 */
final class Compat {
    private final Path dir;
    private final Map<String, String> env;

    Compat(Path dir) {
        this(dir, Map.of());
    }

    Compat(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    Compat withEnv(Map<String, String> environment) {
        return new Compat(dir, environment);
    }

    Path write(String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Project load(String yaml) {
        write("compose.yaml", yaml);
        return new ComposeLoader().load(LoadOptions.builder(dir, env).files(List.of("compose.yaml")).build());
    }

    /** The whole {@code config --format json} model, compact. */
    String json(String yaml) {
        return compact(load(yaml).jsonModel());
    }

    /** One service as {@code config --format json} prints it, compact. */
    String service(String yaml, String name) {
        return compact(((Map<?, ?>) load(yaml).jsonModel().get("services")).get(name));
    }

    /** One field of one service, compact JSON; {@code absent} when the field is not printed. */
    String field(String yaml, String service, String field) {
        Map<?, ?> s = (Map<?, ?>) ((Map<?, ?>) load(yaml).jsonModel().get("services")).get(service);
        return s.containsKey(field) ? compact(s.get(field)) : "absent";
    }

    /** One entry of a top-level section (networks, volumes, secrets, configs, models), compact JSON. */
    String section(String yaml, String section, String name) {
        return compact(((Map<?, ?>) load(yaml).jsonModel().get(section)).get(name));
    }

    /** Asserts loading fails and the message contains every fragment (ignoring case); returns the message. */
    String error(String yaml, String... fragments) {
        BerthException e = assertThrows(BerthException.class, () -> load(yaml));
        String msg = e.getMessage();
        for (String f : fragments) {
            assertTrue(msg.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)),
                    () -> "expected \"" + f + "\" in: " + msg);
        }
        return msg;
    }

    /** The printed JSON of a model subtree on one line, through the same writer as {@code config}. */
    static String compact(Object tree) {
        return JsonWriter.compact(tree);
    }
}
