package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.Formatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code berth ps} ({@code container ls}): {@code GET /containers/json}, docker's columns and formats. */
final class PsCommand extends EngineCommand {
    private PsCommand(CliContext ctx) {
        super(ctx);
    }

    static CommandLine create(CliContext ctx) {
        return line(new PsCommand(ctx), "List containers", "[OPTIONS]", s -> {
            s.addOption(Specs.flag("Show all containers (default shows just running)", "-a", "--all"));
            s.addOption(Specs.list("FILTER", "Filter output based on conditions provided", "-f", "--filter"));
            s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'table', 'table TEMPLATE',"
                    + " 'json' or 'TEMPLATE'", "--format"));
            s.addOption(Specs.integer("N", "Show n last created containers (includes all states)", "-n", "--last"));
            s.addOption(Specs.flag("Show the latest created container (includes all states)", "-l", "--latest"));
            s.addOption(Specs.flag("Don't truncate output", "--no-trunc"));
            s.addOption(Specs.flag("Only display container IDs", "-q", "--quiet"));
            s.addOption(Specs.flag("Display total file sizes", "-s", "--size"));
        });
    }

    @Override
    protected int run() {
        Integer last = integer("--last");
        Integer limit = flag("--latest") ? Integer.valueOf(1) : last != null && last > 0 ? last : null;
        String format = value("--format");
        boolean size = flag("--size") || (format != null && format.contains(".Size"));
        Request req = Request.get("/containers/json").flag("all", flag("--all") || limit != null)
                .query("limit", limit).flag("size", size).query("filters", Filters.json(values("--filter")));
        List<Object> rows = new ArrayList<>();
        boolean trunc = !flag("--no-trunc");
        for (Object c : Json.list(client().json(req))) {
            rows.add(new ContainerRow(Json.map(c), trunc, ctx.clock().instant(), ctx.clock().getZone()));
        }
        if (flag("--quiet")) {
            rows.forEach(r -> out().println(((ContainerRow) r).id()));
            return 0;
        }
        String defaultTable = ContainerRow.DEFAULT + (flag("--size") ? "\t{{.Size}}" : "");
        out().print(Formatter.of(format, defaultTable).render(rows,
                f -> ContainerRow.HEADERS.getOrDefault(f, f.toUpperCase(java.util.Locale.ROOT))));
        return 0;
    }
}
