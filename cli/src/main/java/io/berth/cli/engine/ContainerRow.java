package io.berth.cli.engine;

import io.berth.cli.client.Json;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One container of {@code GET /containers/json} with docker's {@code ps} columns. */
record ContainerRow(Map<String, Object> c, boolean trunc, Instant now, ZoneId zone) implements TemplateObject {
    /** Docker's column headers. */
    static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ID", "CONTAINER ID"),
            Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"),
            Map.entry("RunningFor", "CREATED"), Map.entry("Status", "STATUS"), Map.entry("Ports", "PORTS"),
            Map.entry("Names", "NAMES"), Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"),
            Map.entry("Label", "LABEL"), Map.entry("Mounts", "MOUNTS"), Map.entry("Networks", "NETWORKS"),
            Map.entry("LocalVolumes", "LOCAL VOLUMES"), Map.entry("State", "STATE"));

    static final String DEFAULT = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t"
            + "{{.Ports}}\t{{.Names}}";

    @Override
    public Object field(String name, List<Object> args) {
        return switch (name) {
            case "ID" -> id();
            case "Image" -> image();
            case "Command" -> command();
            case "CreatedAt" -> createdAt();
            case "RunningFor" -> Units.humanDuration(Duration.between(created(), now)) + " ago";
            case "Status" -> Json.string(c.get("Status"));
            case "State" -> Json.string(c.get("State"));
            case "Ports" -> ports(Json.list(c.get("Ports")));
            case "Names" -> names();
            case "Size" -> size();
            case "Labels" -> labels();
            case "Label" -> args.isEmpty() ? MISSING : Json.string(Json.map(c.get("Labels")).get(args.get(0)));
            case "Mounts" -> mounts();
            case "Networks" -> String.join(",", new TreeSet<>(Json.map(Json.path(c, "NetworkSettings", "Networks"))
                    .keySet()));
            case "LocalVolumes" -> Long.toString(Json.list(c.get("Mounts")).stream()
                    .filter(m -> "local".equals(Json.map(m).get("Driver"))).count());
            default -> MISSING;
        };
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : List.of("Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names",
                "Networks", "Ports", "RunningFor", "Size", "State", "Status")) {
            m.put(f, field(f, List.of()));
        }
        return m;
    }

    String id() {
        String id = Json.string(c.get("Id"));
        return trunc ? ImageRefs.shortId(id) : id;
    }

    private Instant created() {
        return Instant.ofEpochSecond(Json.number(c.get("Created")));
    }

    private String image() {
        String image = Json.string(c.get("Image"));
        if (trunc && (image.startsWith("sha256:") || image.matches("[0-9a-f]{64}"))) {
            return ImageRefs.shortId(image);
        }
        return image;
    }

    private String command() {
        String command = Json.string(c.get("Command"));
        return io.berth.cli.format.Formatter.json(trunc ? ellipsis(command, 20) : command);
    }

    private String createdAt() {
        return Units.goTime(created(), zone);
    }

    private String names() {
        List<String> out = new ArrayList<>();
        for (Object n : Json.list(c.get("Names"))) {
            String name = Json.string(n);
            name = name.startsWith("/") ? name.substring(1) : name;
            if (!trunc || !name.contains("/")) {
                out.add(name);
            }
        }
        return String.join(",", out);
    }

    private String size() {
        long rw = Json.number(c.get("SizeRw"));
        long root = Json.number(c.get("SizeRootFs"));
        String s = Units.humanSize(rw);
        return root > 0 ? s + " (virtual " + Units.humanSize(root) + ")" : s;
    }

    private String labels() {
        List<String> out = new ArrayList<>();
        new TreeMap<>(Json.map(c.get("Labels"))).forEach((k, v) -> out.add(k + "=" + Json.string(v)));
        return String.join(",", out);
    }

    private String mounts() {
        List<String> out = new ArrayList<>();
        for (Object o : Json.list(c.get("Mounts"))) {
            Map<String, Object> m = Json.map(o);
            String name = Json.string(m.get("Name")).isEmpty() ? Json.string(m.get("Source")) : Json.string(m.get("Name"));
            out.add(trunc ? ellipsis(name, 15) : name);
        }
        return String.join(",", out);
    }

    /** Docker's {@code DisplayablePorts}: {@code 0.0.0.0:8080->80/tcp, 443/tcp}, sorted. */
    static String ports(List<Object> ports) {
        List<Map<String, Object>> sorted = new ArrayList<>();
        ports.forEach(p -> sorted.add(Json.map(p)));
        sorted.sort((a, b) -> {
            int cmp = Long.compare(Json.number(a.get("PrivatePort")), Json.number(b.get("PrivatePort")));
            if (cmp != 0) {
                return cmp;
            }
            cmp = Json.string(a.get("Type")).compareTo(Json.string(b.get("Type")));
            return cmp != 0 ? cmp : Json.string(a.get("IP")).compareTo(Json.string(b.get("IP")));
        });
        List<String> out = new ArrayList<>();
        for (Map<String, Object> p : sorted) {
            String proto = Json.string(p.get("Type"));
            long priv = Json.number(p.get("PrivatePort"));
            long pub = Json.number(p.get("PublicPort"));
            if (pub == 0) {
                out.add(priv + "/" + proto);
            } else {
                String ip = Json.string(p.get("IP"));
                out.add((ip.contains(":") ? "[" + ip + "]" : ip) + ":" + pub + "->" + priv + "/" + proto);
            }
        }
        return String.join(", ", out);
    }

    /** Docker's {@code Ellipsis}: at most {@code max} characters, the last one '…' when cut. */
    static String ellipsis(String s, int max) {
        int n = s.codePointCount(0, s.length());
        if (n <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
