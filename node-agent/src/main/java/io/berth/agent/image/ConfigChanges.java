package io.berth.agent.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.image.spec.ImageConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --change} instructions of {@code docker commit} and {@code docker import} (CMD, ENTRYPOINT, ENV,
 * EXPOSE, LABEL, ONBUILD, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR), applied to an image config.
 * Shell forms become {@code [shell..., "-c", text]} as Docker makes them.
 */
public final class ConfigChanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ConfigChanges() {
    }

    /** Applies each instruction in order to {@code base} (which may be null) and returns the new config. */
    public static ImageConfig.Config apply(ImageConfig.Config base, List<String> changes) {
        Mutable c = new Mutable(base == null ? ImageConfig.Config.EMPTY : base);
        for (String change : changes) {
            String line = change.strip();
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String keyword = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
            String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
            switch (keyword) {
                case "CMD" -> c.cmd = command(rest, c.shell);
                case "ENTRYPOINT" -> c.entrypoint = command(rest, c.shell);
                case "SHELL" -> c.shell = jsonArray(rest, line);
                case "ENV" -> pairs(rest, line).forEach(c::env);
                case "LABEL" -> c.labels.putAll(pairs(rest, line));
                case "EXPOSE" -> {
                    for (String p : rest.split("\\s+")) {
                        c.ports.put(p.contains("/") ? p : p + "/tcp", Map.of());
                    }
                }
                case "VOLUME" -> words(rest).forEach(v -> c.volumes.put(v, Map.of()));
                case "USER" -> c.user = rest;
                case "WORKDIR" -> c.workdir = rest;
                case "STOPSIGNAL" -> c.stopSignal = rest;
                case "ONBUILD" -> c.onBuild.add(rest);
                default -> throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "change " + change,
                        keyword + " is not a valid change command: use CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD,"
                                + " SHELL, STOPSIGNAL, USER, VOLUME or WORKDIR");
            }
        }
        return c.build();
    }

    private static List<String> command(String rest, List<String> shell) {
        if (rest.startsWith("[")) {
            try {
                return JSON.readValue(rest, new TypeReference<List<String>>() { });
            } catch (Exception notJson) {
                // Docker falls back to the shell form
            }
        }
        List<String> cmd = new ArrayList<>(shell);
        cmd.add(rest);
        return cmd;
    }

    private static List<String> jsonArray(String rest, String line) {
        try {
            return JSON.readValue(rest, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "change " + line,
                    "SHELL requires the arguments to be in JSON form: " + line);
        }
    }

    private static List<String> words(String rest) {
        return rest.startsWith("[") ? jsonArray(rest, rest) : List.of(rest.split("\\s+"));
    }

    /** {@code k=v k2="v 2"} or the old form {@code k v}. */
    private static Map<String, String> pairs(String rest, String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int eq = rest.indexOf('=');
        int sp = rest.indexOf(' ');
        if (eq < 0 || (sp >= 0 && sp < eq)) {
            if (sp < 0) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "change " + line, "missing value: " + line);
            }
            out.put(rest.substring(0, sp), rest.substring(sp + 1).strip());
            return out;
        }
        for (String word : tokens(rest)) {
            int i = word.indexOf('=');
            if (i <= 0) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "change " + line,
                        "expected KEY=VALUE, got \"" + word + "\" in: " + line);
            }
            out.put(word.substring(0, i), word.substring(i + 1));
        }
        return out;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else if (ch == '\\' && quote == '"' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (Character.isWhitespace(ch)) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(ch);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static final class Mutable {
        final ImageConfig.Config base;
        List<String> env;
        List<String> cmd;
        List<String> entrypoint;
        List<String> shell;
        Map<String, String> labels;
        Map<String, Map<String, Object>> ports;
        Map<String, Map<String, Object>> volumes;
        List<String> onBuild;
        String user;
        String workdir;
        String stopSignal;

        Mutable(ImageConfig.Config b) {
            base = b;
            env = b.env() == null ? new ArrayList<>() : new ArrayList<>(b.env());
            cmd = b.cmd();
            entrypoint = b.entrypoint();
            shell = b.shell() == null ? DEFAULT_SHELL : b.shell();
            labels = b.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.labels());
            ports = b.exposedPorts() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.exposedPorts());
            volumes = b.volumes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.volumes());
            onBuild = b.onBuild() == null ? new ArrayList<>() : new ArrayList<>(b.onBuild());
            user = b.user();
            workdir = b.workingDir();
            stopSignal = b.stopSignal();
        }

        void env(String key, String value) {
            env.removeIf(e -> e.equals(key) || e.startsWith(key + "="));
            env.add(key + "=" + value);
        }

        ImageConfig.Config build() {
            return new ImageConfig.Config(base.hostname(), base.domainname(), user, ports, env, entrypoint, cmd,
                    base.healthcheck(), base.argsEscaped(), base.image(), volumes, workdir, onBuild, labels,
                    stopSignal, base.stopTimeout(), shell == DEFAULT_SHELL ? base.shell() : shell);
        }
    }
}
