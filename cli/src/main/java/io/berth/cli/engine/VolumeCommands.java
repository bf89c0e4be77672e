package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.TemplateObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/** {@code volume create}, {@code volume ls}, {@code volume rm}. ({@code inspect} and {@code prune} are shared.) */
final class VolumeCommands extends EngineCommand {
    /** Which command this is. */
    enum Kind { CREATE, LS, RM }

    private final Kind kind;

    private VolumeCommands(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    static CommandLine create(CliContext ctx, Kind kind) {
        VolumeCommands c = new VolumeCommands(ctx, kind);
        return switch (kind) {
            case CREATE -> line(c, "Create a volume", "[OPTIONS] [VOLUME]", s -> {
                s.addOption(Specs.value("DRIVER", "Specify volume driver name (default \"local\")", "-d", "--driver"));
                s.addOption(Specs.list("LABEL", "Set metadata for a volume", "--label"));
                s.addOption(Specs.list("OPT", "Set driver specific options", "-o", "--opt"));
                s.addOption(Specs.value("NAME", "Specify volume name", "--name"));
                s.addPositional(Specs.positionals("VOLUME", "The volume's name", 0));
            });
            case LS -> line(c, "List volumes", "[OPTIONS]", s -> {
                s.addOption(Specs.list("FILTER", "Provide filter values (e.g. \"dangling=true\")", "-f", "--filter"));
                s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'table', 'table TEMPLATE',"
                        + " 'json' or 'TEMPLATE'", "--format"));
                s.addOption(Specs.flag("Only display volume names", "-q", "--quiet"));
            });
            case RM -> line(c, "Remove one or more volumes", "[OPTIONS] VOLUME [VOLUME...]", s -> {
                s.addOption(Specs.flag("Force the removal of one or more volumes", "-f", "--force"));
                s.addPositional(Specs.positionals("VOLUME", "Volumes", 1));
            });
        };
    }

    @Override
    protected int run() {
        return switch (kind) {
            case CREATE -> create();
            case LS -> list();
            case RM -> forEach(positionals(), n -> {
                client().exec(Request.delete("/volumes/" + Request.segment(n)).flag("force", flag("--force")));
                return n;
            });
        };
    }

    private int create() {
        List<String> names = positionals();
        String name = value("--name");
        if (!names.isEmpty()) {
            if (name != null && !name.equals(names.get(0))) {
                throw invalid("--name", "conflicting options: cannot specify a volume-name through both --name and"
                        + " as a positional arg");
            }
            name = names.get(0);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name == null ? "" : name);
        body.put("Driver", value("--driver", "local"));
        body.put("DriverOpts", keyValues("--opt"));
        body.put("Labels", keyValues("--label"));
        Map<String, Object> volume = Json.map(client().json(Request.post("/volumes/create").json(body)));
        out().println(Json.string(volume.get("Name")));
        return 0;
    }

    private Map<String, Object> keyValues(String flag) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String kv : values(flag)) {
            int eq = kv.indexOf('=');
            out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return out;
    }

    private int list() {
        Map<String, Object> answer = Json.map(client().json(Request.get("/volumes")
                .query("filters", Filters.json(values("--filter")))));
        for (Object w : Json.list(answer.get("Warnings"))) {
            err().println(Json.string(w));
        }
        List<Object> rows = new ArrayList<>();
        for (Object v : Json.list(answer.get("Volumes"))) {
            rows.add(new VolumeRow(Json.map(v)));
        }
        rows.sort((a, b) -> ((VolumeRow) a).name().compareTo(((VolumeRow) b).name()));
        if (flag("--quiet")) {
            rows.forEach(r -> out().println(((VolumeRow) r).name()));
            return 0;
        }
        out().print(Formatter.of(value("--format"), VolumeRow.DEFAULT).render(rows,
                f -> VolumeRow.HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT))));
        return 0;
    }

    /** One volume of {@code volume ls}. */
    record VolumeRow(Map<String, Object> v) implements TemplateObject {
        static final Map<String, String> HEADERS = Map.of("Name", "VOLUME NAME", "Driver", "DRIVER", "Scope", "SCOPE",
                "Mountpoint", "MOUNTPOINT", "Labels", "LABELS", "Links", "LINKS", "Size", "SIZE", "Availability",
                "AVAILABILITY", "Group", "GROUP", "Status", "STATUS");
        static final String DEFAULT = "table {{.Driver}}\t{{.Name}}";

        String name() {
            return Json.string(v.get("Name"));
        }

        @Override
        public Object field(String name, List<Object> args) {
            return switch (name) {
                case "Name" -> name();
                case "Driver", "Scope", "Mountpoint" -> Json.string(v.get(name));
                case "Labels" -> {
                    List<String> kv = new ArrayList<>();
                    new TreeMap<>(Json.map(v.get("Labels"))).forEach((k, x) -> kv.add(k + "=" + Json.string(x)));
                    yield String.join(",", kv);
                }
                case "Label" -> args.isEmpty() ? MISSING : Json.string(Json.map(v.get("Labels")).get(args.get(0)));
                case "Links" -> {
                    Object n = Json.path(v, "UsageData", "RefCount");
                    yield n == null ? "N/A" : Long.toString(Json.number(n));
                }
                case "Size" -> {
                    Object n = Json.path(v, "UsageData", "Size");
                    yield n == null || Json.number(n) < 0 ? "N/A"
                            : io.berth.cli.format.Units.humanSize(Json.number(n));
                }
                case "Availability", "Group" -> "N/A";
                case "Status" -> Json.string(v.get("Status"));
                default -> MISSING;
            };
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : List.of("Availability", "Driver", "Group", "Labels", "Links", "Mountpoint", "Name",
                    "Scope", "Size", "Status")) {
                m.put(f, field(f, List.of()));
            }
            return m;
        }
    }
}
