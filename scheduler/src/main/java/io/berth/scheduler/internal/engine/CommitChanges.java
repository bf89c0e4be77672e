package io.berth.scheduler.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.engine.spec.ContainerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Docker's commit config as {@code --change} instructions applied to the image's config: first what the
 * container was created with, then the request's {@code Config}, then the user's changes, so later ones win
 * (Docker: changes over the request's config, missing fields filled from the container's). An ENTRYPOINT given
 * by the request without a CMD clears the CMD, as Docker's merge does.
 */
final class CommitChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitChanges() {
    }

    static List<String> of(ContainerConfig container, ContainerConfig request, List<String> changes) {
        List<String> out = new ArrayList<>();
        boolean requestEntrypoint = request != null && request.entrypoint() != null
                || changes.stream().anyMatch(c -> keyword(c).equals("ENTRYPOINT"));
        boolean requestCmd = request != null && request.cmd() != null
                || changes.stream().anyMatch(c -> keyword(c).equals("CMD"));
        add(out, container, !requestEntrypoint);
        add(out, request, true);
        if (requestEntrypoint && !requestCmd) {
            out.add("CMD []");
        }
        out.addAll(changes);
        return out;
    }

    private static String keyword(String change) {
        String s = change.strip();
        int sp = s.indexOf(' ');
        return (sp < 0 ? s : s.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
    }

    private static void add(List<String> out, ContainerConfig c, boolean withCommand) {
        if (c == null) {
            return;
        }
        if (withCommand && c.entrypoint() != null) {
            out.add("ENTRYPOINT " + json(c.entrypoint()));
        }
        if (withCommand && c.cmd() != null) {
            out.add("CMD " + json(c.cmd()));
        }
        if (c.env() != null) {
            for (String e : c.env()) {
                int eq = e.indexOf('=');
                if (eq > 0) {
                    out.add("ENV " + e.substring(0, eq) + "=" + quote(e.substring(eq + 1)));
                }
            }
        }
        if (c.labels() != null) {
            c.labels().forEach((k, v) -> out.add("LABEL " + quote(k) + "=" + quote(v)));
        }
        keys(c.exposedPorts()).forEach(p -> out.add("EXPOSE " + p));
        keys(c.volumes()).forEach(v -> out.add("VOLUME " + json(List.of(v))));
        if (c.workingDir() != null && !c.workingDir().isEmpty()) {
            out.add("WORKDIR " + c.workingDir());
        }
        if (c.user() != null && !c.user().isEmpty()) {
            out.add("USER " + c.user());
        }
        if (c.stopSignal() != null && !c.stopSignal().isEmpty()) {
            out.add("STOPSIGNAL " + c.stopSignal());
        }
    }

    private static List<String> keys(Map<String, Object> map) {
        return map == null ? List.of() : List.copyOf(map.keySet());
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String json(List<String> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
