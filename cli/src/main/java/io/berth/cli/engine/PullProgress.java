package io.berth.cli.engine;

import io.berth.cli.client.Json;
import io.berth.cli.format.Units;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a progress stream (pull, push, load, import: newline-delimited JSON messages) as docker's
 * {@code jsonmessage} does. On a terminal, each layer's line is updated in place (cursor up, erase line, cursor
 * down); otherwise progress bars are left out and every status is a plain line. An error message in the stream ends
 * the rendering with a {@link StreamError}.
 */
final class PullProgress {
    /** An error reported inside the stream (the HTTP status was already 200). */
    static final class StreamError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamError(String message) {
            super(message);
        }
    }

    private final PrintWriter out;
    private final boolean terminal;
    private final int width;
    private final Instant now;
    private final Map<String, Integer> lines = new HashMap<>();

    PullProgress(PrintWriter out, boolean terminal, int width, Instant now) {
        this.out = out;
        this.terminal = terminal;
        this.width = width;
        this.now = now;
    }

    /** Renders every message of {@code in}; returns the last {@code aux} object seen (push digest, build id), or null. */
    Object render(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Object aux = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m = Json.map(Json.parse(line));
            if (m.containsKey("aux")) {
                aux = m.get("aux");
                continue;
            }
            message(m);
            out.flush();
        }
        return aux;
    }

    /** One message. */
    void message(Map<String, Object> m) {
        Object errorDetail = m.get("errorDetail");
        if (errorDetail != null || m.get("error") != null) {
            String msg = Json.string(Json.map(errorDetail).getOrDefault("message", m.get("error")));
            throw new StreamError(msg);
        }
        String id = Json.string(m.get("id"));
        Map<String, Object> progress = m.get("progressDetail") instanceof Map<?, ?> ? Json.map(m.get("progressDetail"))
                : null;
        String progressMessage = Json.string(m.get("progress"));
        int diff = 0;
        if (!id.isEmpty() && (progress != null || !progressMessage.isEmpty())) {
            Integer at = lines.get(id);
            if (at == null) {
                at = lines.size();
                lines.put(id, at);
                if (terminal) {
                    out.print("\n");
                }
            }
            diff = lines.size() - at;
            if (terminal && diff > 0) {
                out.print("\033[" + diff + "A");
            }
        } else {
            lines.clear();
        }
        display(m, id, progress, progressMessage);
        if (!id.isEmpty() && terminal && diff > 0) {
            out.print("\033[" + diff + "B");
        }
    }

    private void display(Map<String, Object> m, String id, Map<String, Object> progress, String progressMessage) {
        String stream = Json.string(m.get("stream"));
        String status = Json.string(m.get("status"));
        String endl = "";
        String bar = progress == null ? "" : bar(progress);
        if (terminal && stream.isEmpty() && progress != null) {
            out.print("\033[2K\r");
            endl = "\r";
        } else if (progress != null && !bar.isEmpty()) {
            return;
        }
        if (!id.isEmpty()) {
            out.print(id + ": ");
        }
        if (m.get("from") != null) {
            out.print("(from " + Json.string(m.get("from")) + ") ");
        }
        if (progress != null && terminal) {
            out.print(status + " " + bar + endl);
        } else if (!progressMessage.isEmpty()) {
            out.print(status + " " + progressMessage + endl);
        } else if (!stream.isEmpty()) {
            out.print(stream + endl);
        } else {
            out.print(status + endl + "\n");
        }
    }

    /** Docker's {@code JSONProgress.String()}: {@code [=====>   ] 1.2MB/4.5MB 3s}. */
    String bar(Map<String, Object> p) {
        long current = Json.number(p.get("current"));
        long total = Json.number(p.get("total"));
        String unit = Json.string(p.get("units"));
        if (current <= 0 && total <= 0) {
            return "";
        }
        if (total <= 0) {
            return unit.isEmpty() ? String.format("%8s", Units.humanSize(current, 4)) : current + " " + unit;
        }
        int percentage = Math.min(50, (int) ((double) current / total * 100) / 2);
        String box = "";
        if (width > 110) {
            box = "[" + "=".repeat(percentage) + ">" + " ".repeat(Math.max(0, 50 - percentage)) + "] ";
        }
        String numbers;
        if (unit.isEmpty() || unit.equals("bytes")) {
            numbers = String.format("%8s/%s", Units.humanSize(current, 4), Units.humanSize(total, 4));
        } else {
            numbers = current > total ? current + " " + unit : current + "/" + total + " " + unit;
        }
        String left = "";
        long start = Json.number(p.get("start"));
        if (current > 0 && start > 0 && percentage < 50 && width > 50) {
            Duration fromStart = Duration.between(Instant.ofEpochSecond(start), now);
            long perEntry = fromStart.toNanos() / current;
            long seconds = (total - current) * perEntry / 1_000_000_000L;
            left = " " + goDuration(seconds);
        }
        return box + numbers + left;
    }

    /** Go's {@code time.Duration.String()} for whole seconds: {@code 0s}, {@code 45s}, {@code 1m5s}, {@code 2h0m1s}. */
    static String goDuration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m" + seconds % 60 + "s";
    }
}
