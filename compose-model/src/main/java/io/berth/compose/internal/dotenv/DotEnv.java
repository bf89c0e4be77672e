package io.berth.compose.internal.dotenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads {@code .env} files (the project's and {@code env_file}s) the way compose-go's {@code dotenv} package
 * does. A statement is {@code KEY=value} or {@code KEY: value}, optionally after {@code export}; a bare
 * {@code KEY} takes its value from the lookup and is left out when the lookup has none. Values are unquoted (up to
 * the end of the line, cut at {@code " #"}, trailing blanks trimmed, variables expanded), single-quoted (literal,
 * {@code \'} for a quote) or double-quoted (may span lines; {@code \n \t \" \\ \$ \0NNN}... escapes, then
 * variables expanded).
 *
 * <p>Variables in values are looked up in {@code lookup} first and only then among the keys already read, as
 * compose-go does: the environment of the process wins over the file's own earlier definitions.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /**
     * Parses env-file text.
     *
     * @param fileName used in error messages only
     * @param lookup   the value of a variable outside the file, {@code null} when unset; may itself be null
     * @throws DotEnvException naming the file and line of the first problem
     */
    public static LinkedHashMap<String, String> parse(String content, String fileName,
                                                      Function<String, String> lookup) {
        LinkedHashMap<String, String> vars = new LinkedHashMap<>();
        parseInto(content, fileName, lookup, vars);
        return vars;
    }

    /**
     * Parses env-file text into {@code vars}, whose existing entries count as keys already read: they are found
     * by variable expansion (after {@code lookup}) and overwritten by the file. This is how compose-go reads
     * several {@code env_file}s into one environment.
     */
    public static void parseInto(String content, String fileName, Function<String, String> lookup,
                                 Map<String, String> vars) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(vars, "vars");
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        new DotEnvParser(text, String.valueOf(fileName), lookup == null ? k -> null : lookup, vars).parse();
    }

    /**
     * Reads an env file as UTF-8, without its byte order mark if it has one.
     *
     * @throws DotEnvException for a missing file ({@code couldn't find env file: <absolute path>}), a directory
     *                         ({@code <absolute path> is a directory}), an I/O error, or a parse error
     */
    public static LinkedHashMap<String, String> read(Path file, Function<String, String> lookup) {
        LinkedHashMap<String, String> vars = new LinkedHashMap<>();
        readInto(file, lookup, vars);
        return vars;
    }

    /**
     * Reads an env file in docker compose's {@code raw} format ({@code docker run --env-file}): {@code KEY=value}
     * lines kept verbatim (no quotes, no comments after values, no interpolation, trailing blanks kept), lines
     * starting with {@code #} skipped, a bare {@code KEY} taken from {@code lookup} or left out.
     */
    public static void readRawInto(Path file, Function<String, String> lookup, Map<String, String> vars) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DotEnvException.ofFile(file.toString(), "failed to read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.stripLeading();
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            if (key.isEmpty()) {
                throw DotEnvException.ofFile(file.toString(), "failed to parse env_file " + file
                        + ": no variable name on line '" + line + "'", null);
            }
            if (key.chars().anyMatch(Character::isWhitespace)) {
                throw DotEnvException.ofFile(file.toString(), "failed to parse env_file " + file + ": variable '"
                        + key + "' contains whitespaces", null);
            }
            if (eq >= 0) {
                vars.put(key, line.substring(eq + 1));
            } else if (lookup != null && lookup.apply(key) instanceof String value) {
                vars.put(key, value);
            }
        }
    }

    /** {@link #read} into existing variables, as {@link #parseInto}. */
    public static void readInto(Path file, Function<String, String> lookup, Map<String, String> vars) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw DotEnvException.ofFile(file.toString(), absolute + " is a directory", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DotEnvException.ofFile(file.toString(), "couldn't find env file: " + absolute, e);
        } catch (IOException e) {
            throw DotEnvException.ofFile(file.toString(), "failed to read " + file + ": " + e.getMessage(), e);
        }
        parseInto(new String(bytes, StandardCharsets.UTF_8), file.toString(), lookup, vars);
    }
}
