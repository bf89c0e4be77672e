package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.Template;
import io.berth.cli.format.TimeArgs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/** {@code berth events}: {@code GET /events}, one line per event as docker prints it, or a template / JSON. */
final class EventsCommand extends EngineCommand {
    private static final DateTimeFormatter RFC3339_NANO_FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    private EventsCommand(CliContext ctx) {
        super(ctx);
    }

    static CommandLine create(CliContext ctx) {
        return line(new EventsCommand(ctx), "Get real time events from the server", "[OPTIONS]", s -> {
            s.addOption(Specs.list("FILTER", "Filter output based on conditions provided", "-f", "--filter"));
            s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'json' or a Go template",
                    "--format"));
            s.addOption(Specs.value("STRING", "Show all events created since timestamp", "--since"));
            s.addOption(Specs.value("STRING", "Stream events until this timestamp", "--until"));
        });
    }

    @Override
    protected int run() throws Exception {
        Request req = Request.get("/events").query("since", time("--since")).query("until", time("--until"))
                .query("filters", Filters.json(values("--filter")));
        String format = value("--format");
        Template template = format == null || format.isEmpty() || format.equals("json") ? null
                : Template.parse(format);
        try (Response r = client().call(req)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Object event = Json.parse(line);
                if ("json".equals(format)) {
                    out().println(Formatter.json(event));
                } else if (template != null) {
                    out().println(template.execute(event));
                } else {
                    out().println(plain(Json.map(event), ctx.clock().getZone()));
                }
                out().flush();
            }
        }
        return 0;
    }

    /** Docker's line: {@code TIME TYPE ACTION ID (k=v, k=v)}, time in local RFC 3339 with nanoseconds. */
    static String plain(Map<String, Object> e, ZoneId zone) {
        long nanos = Json.number(e.get("timeNano"));
        if (nanos == 0) {
            nanos = Json.number(e.get("time")) * 1_000_000_000L;
        }
        Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        StringBuilder sb = new StringBuilder(RFC3339_NANO_FIXED.format(t.atZone(zone))).append(' ');
        Map<String, Object> actor = Json.map(e.get("Actor"));
        sb.append(Json.string(e.get("Type"))).append(' ').append(Json.string(e.get("Action"))).append(' ')
                .append(Json.string(actor.get("ID")));
        Map<String, Object> attrs = new TreeMap<>(Json.map(actor.get("Attributes")));
        if (!attrs.isEmpty()) {
            List<String> kv = new ArrayList<>();
            attrs.forEach((k, v) -> kv.add(k + "=" + Json.string(v)));
            sb.append(" (").append(String.join(", ", kv)).append(')');
        }
        return sb.toString();
    }

    private String time(String flag) {
        String v = value(flag);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return TimeArgs.timestamp(v, ctx.clock().instant(), ctx.clock().getZone());
        } catch (IllegalArgumentException e) {
            throw invalid(flag, "invalid value for \"" + flag + "\": " + e.getMessage());
        }
    }
}
