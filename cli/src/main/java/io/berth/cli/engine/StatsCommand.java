package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.ErrorReporter;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.cli.format.Formatter;
import io.berth.compose.BerthException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code berth stats}: {@code GET /containers/{id}/stats}. With {@code --no-stream}, one sample per container
 * ({@code stream=0}: the daemon takes two, so CPU % has a base); otherwise one stream per container and the table
 * redrawn every second, as docker does.
 */
final class StatsCommand extends EngineCommand {
    private StatsCommand(CliContext ctx) {
        super(ctx);
    }

    static CommandLine create(CliContext ctx) {
        return line(new StatsCommand(ctx), "Display a live stream of container(s) resource usage statistics",
                "[OPTIONS] [CONTAINER...]", s -> {
                    s.addOption(Specs.flag("Show all containers (default shows just running)", "-a", "--all"));
                    s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'table', 'table"
                            + " TEMPLATE', 'json' or 'TEMPLATE'", "--format"));
                    s.addOption(Specs.flag("Disable streaming stats and only pull the first result", "--no-stream"));
                    s.addOption(Specs.flag("Do not truncate output", "--no-trunc"));
                    s.addPositional(Specs.positionals("CONTAINER", "Containers (default: all running)", 0));
                });
    }

    @Override
    protected int run() throws Exception {
        List<String> names = new ArrayList<>(positionals());
        if (names.isEmpty()) {
            for (Object c : Json.list(client().json(Request.get("/containers/json").flag("all", flag("--all"))))) {
                names.add(Json.string(Json.map(c).get("Id")));
            }
        }
        Formatter formatter = Formatter.of(value("--format"), StatsRow.DEFAULT);
        boolean trunc = !flag("--no-trunc");
        if (flag("--no-stream")) {
            List<Object> rows = new ArrayList<>();
            int code = forEach(names, n -> {
                Map<String, Object> s = Json.map(client().json(Request.get("/containers/" + Request.segment(n)
                        + "/stats").query("stream", "0")));
                rows.add(new StatsRow(n, s, trunc));
                return null;
            });
            out().print(formatter.render(rows, f -> StatsRow.HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT))));
            return code;
        }
        Map<String, StatsRow> latest = new LinkedHashMap<>();
        for (String n : names) {
            latest.put(n, null);
            Thread.ofVirtual().name("berth-stats").start(() -> follow(n, trunc, latest));
        }
        while (true) {
            Thread.sleep(1000);
            List<Object> rows;
            synchronized (latest) {
                rows = new ArrayList<>(latest.values().stream().filter(r -> r != null).toList());
            }
            out().print("\033[2J\033[H" + formatter.render(rows,
                    f -> StatsRow.HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT))));
            out().flush();
        }
    }

    private void follow(String name, boolean trunc, Map<String, StatsRow> latest) {
        try (Response r = client().call(Request.get("/containers/" + Request.segment(name) + "/stats")
                .query("stream", "1"))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    StatsRow row = new StatsRow(name, Json.map(Json.parse(line)), trunc);
                    synchronized (latest) {
                        latest.put(name, row);
                    }
                }
            }
        } catch (BerthException e) {
            synchronized (latest) {
                err().println(ErrorReporter.describe(e));
                err().flush();
            }
        } catch (IOException e) {
            // the container stopped streaming: its last sample stays
        }
    }
}
