package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.Units;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code container prune}, {@code image prune}, {@code volume prune}: docker's prompt, call and report. */
final class PruneCommand extends EngineCommand {
    /** What is pruned. */
    enum What { CONTAINER, IMAGE, VOLUME }

    private final What what;

    private PruneCommand(CliContext ctx, What what) {
        super(ctx);
        this.what = what;
    }

    static CommandLine create(CliContext ctx, What what) {
        String description = switch (what) {
            case CONTAINER -> "Remove all stopped containers";
            case IMAGE -> "Remove unused images";
            case VOLUME -> "Remove unused local volumes";
        };
        return line(new PruneCommand(ctx, what), description, "[OPTIONS]", s -> {
            if (what != What.CONTAINER) {
                s.addOption(Specs.flag(what == What.IMAGE ? "Remove all unused images, not just dangling ones"
                        : "Remove all unused volumes, not just anonymous ones", "-a", "--all"));
            }
            s.addOption(Specs.list("FILTER", "Provide filter values (e.g. \"until=<timestamp>\")", "--filter"));
            s.addOption(Specs.flag("Do not prompt for confirmation", "-f", "--force"));
        });
    }

    @Override
    protected int run() throws IOException {
        boolean all = what != What.CONTAINER && flag("--all");
        if (!flag("--force") && !confirm(warning(all))) {
            return 0;
        }
        List<String> filters = new ArrayList<>(values("--filter"));
        if (what == What.IMAGE && all) {
            filters.add("dangling=false");
        }
        if (what == What.VOLUME && all) {
            filters.add("all=true");
        }
        String path = switch (what) {
            case CONTAINER -> "/containers/prune";
            case IMAGE -> "/images/prune";
            case VOLUME -> "/volumes/prune";
        };
        Map<String, Object> report = Json.map(client().json(Request.post(path).query("filters", Filters.json(filters))));
        List<String> lines = new ArrayList<>();
        switch (what) {
            case CONTAINER -> Json.list(report.get("ContainersDeleted")).forEach(x -> lines.add(Json.string(x)));
            case VOLUME -> Json.list(report.get("VolumesDeleted")).forEach(x -> lines.add(Json.string(x)));
            case IMAGE -> Json.list(report.get("ImagesDeleted")).forEach(x -> {
                Map<String, Object> m = Json.map(x);
                if (m.get("Untagged") != null) {
                    lines.add("untagged: " + Json.string(m.get("Untagged")));
                }
                if (m.get("Deleted") != null) {
                    lines.add("deleted: " + Json.string(m.get("Deleted")));
                }
            });
        }
        if (!lines.isEmpty()) {
            out().println(switch (what) {
                case CONTAINER -> "Deleted Containers:";
                case IMAGE -> "Deleted Images:";
                case VOLUME -> "Deleted Volumes:";
            });
            lines.forEach(out()::println);
            out().println();
        }
        out().println("Total reclaimed space: " + Units.humanSize(Json.number(report.get("SpaceReclaimed")), 4));
        return 0;
    }

    private String warning(boolean all) {
        return switch (what) {
            case CONTAINER -> "WARNING! This will remove all stopped containers.";
            case IMAGE -> all ? "WARNING! This will remove all images without at least one container associated to"
                    + " them." : "WARNING! This will remove all dangling images.";
            case VOLUME -> all ? "WARNING! This will remove all local volumes not used by at least one container."
                    : "WARNING! This will remove anonymous local volumes not used by at least one container.";
        };
    }

    /** Docker's prompt: {@code Are you sure you want to continue? [y/N]}; only y or yes goes on. */
    private boolean confirm(String warning) throws IOException {
        out().print(warning + "\nAre you sure you want to continue? [y/N] ");
        out().flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = ctx.console().in().read()) >= 0 && c != '\n') {
            line.write(c);
        }
        String answer = line.toString(StandardCharsets.UTF_8).strip().toLowerCase(java.util.Locale.ROOT);
        if (c < 0 && line.size() == 0) {
            out().println();
        }
        return answer.equals("y") || answer.equals("yes");
    }
}
