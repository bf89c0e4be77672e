package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.TemplateObject;
import io.berth.cli.format.Units;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** {@code images}, {@code pull}, {@code push}, {@code tag}, {@code rmi}, {@code history}. */
final class ImageCommands extends EngineCommand {
    /** Which command this is. */
    enum Kind { IMAGES, PULL, PUSH, TAG, RMI, HISTORY }

    private final Kind kind;

    private ImageCommands(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    static CommandLine create(CliContext ctx, Kind kind) {
        ImageCommands c = new ImageCommands(ctx, kind);
        return switch (kind) {
            case IMAGES -> line(c, "List images", "[OPTIONS] [REPOSITORY[:TAG]]", s -> {
                s.addOption(Specs.flag("Show all images (default hides intermediate images)", "-a", "--all"));
                s.addOption(Specs.flag("Show digests", "--digests"));
                s.addOption(Specs.list("FILTER", "Filter output based on conditions provided", "-f", "--filter"));
                s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'table', 'table TEMPLATE',"
                        + " 'json' or 'TEMPLATE'", "--format"));
                s.addOption(Specs.flag("Don't truncate output", "--no-trunc"));
                s.addOption(Specs.flag("Only show image IDs", "-q", "--quiet"));
                s.addPositional(Specs.positionals("REPOSITORY", "Only images of this repository", 0));
            });
            case PULL -> line(c, "Download an image from a registry", "[OPTIONS] NAME[:TAG|@DIGEST]", s -> {
                s.addOption(Specs.flag("Download all tagged images in the repository", "-a", "--all-tags"));
                s.addOption(Specs.flag("Suppress verbose output", "-q", "--quiet"));
                s.addOption(Specs.value("PLATFORM", "Set platform if server is multi-platform capable", "--platform"));
                s.addPositional(Specs.positionals("NAME", "The image", 1));
            });
            case PUSH -> line(c, "Upload an image to a registry", "[OPTIONS] NAME[:TAG]", s -> {
                s.addOption(Specs.flag("Push all tags of an image to the repository", "-a", "--all-tags"));
                s.addOption(Specs.flag("Suppress verbose output", "-q", "--quiet"));
                s.addPositional(Specs.positionals("NAME", "The image", 1));
            });
            case TAG -> line(c, "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
                    "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
                    s -> s.addPositional(Specs.positionals("SOURCE TARGET", "Source and target", 2)));
            case RMI -> line(c, "Remove one or more images", "[OPTIONS] IMAGE [IMAGE...]", s -> {
                s.addOption(Specs.flag("Force removal of the image", "-f", "--force"));
                s.addOption(Specs.flag("Do not delete untagged parents", "--no-prune"));
                s.addPositional(Specs.positionals("IMAGE", "Images", 1));
            });
            case HISTORY -> line(c, "Show the history of an image", "[OPTIONS] IMAGE", s -> {
                s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'table', 'table TEMPLATE',"
                        + " 'json' or 'TEMPLATE'", "--format"));
                s.addOption(Specs.bool(true, "Print sizes and dates in human readable format", "-H", "--human"));
                s.addOption(Specs.flag("Don't truncate output", "--no-trunc"));
                s.addOption(Specs.flag("Only show image IDs", "-q", "--quiet"));
                s.addPositional(Specs.positionals("IMAGE", "The image", 1));
            });
        };
    }

    @Override
    protected int run() throws IOException {
        List<String> args = positionals();
        return switch (kind) {
            case IMAGES -> images(args);
            case PULL -> pull(args.get(0));
            case PUSH -> push(args.get(0));
            case TAG -> tag(args);
            case RMI -> forEach(args, this::remove);
            case HISTORY -> history(args.get(0));
        };
    }

    private int images(List<String> args) {
        List<String> filters = new ArrayList<>(values("--filter"));
        if (!args.isEmpty()) {
            filters.add("reference=" + args.get(0));
        }
        Request req = Request.get("/images/json").flag("all", flag("--all")).flag("digests", flag("--digests"))
                .query("filters", Filters.json(filters));
        boolean trunc = !flag("--no-trunc");
        List<Object> rows = new ArrayList<>();
        for (Object o : Json.list(client().json(req))) {
            rows.addAll(rows(Json.map(o), trunc));
        }
        if (flag("--quiet")) {
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add(((ImageRow) r).id()));
            ids.forEach(out()::println);
            return 0;
        }
        String table = flag("--digests") ? ImageRow.DEFAULT_DIGESTS : ImageRow.DEFAULT;
        out().print(Formatter.of(value("--format"), table).render(rows,
                f -> ImageRow.HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT))));
        return 0;
    }

    /** Docker's expansion: one row per tag; digests joined by repository; {@code <none>} for what is missing. */
    private List<ImageRow> rows(Map<String, Object> image, boolean trunc) {
        List<ImageRow> out = new ArrayList<>();
        Map<String, String> digestByRepo = new LinkedHashMap<>();
        for (Object d : Json.list(image.get("RepoDigests"))) {
            String s = Json.string(d);
            int at = s.indexOf('@');
            if (at > 0) {
                digestByRepo.put(s.substring(0, at), s.substring(at + 1));
            }
        }
        Set<String> seenRepos = new LinkedHashSet<>();
        for (Object t : Json.list(image.get("RepoTags"))) {
            String[] p = ImageRefs.split(Json.string(t));
            if (Json.string(t).equals("<none>:<none>")) {
                continue;
            }
            seenRepos.add(p[0]);
            out.add(row(p[0], p[1], digestByRepo.getOrDefault(p[0], "<none>"), image, trunc));
        }
        digestByRepo.forEach((repo, digest) -> {
            if (!seenRepos.contains(repo)) {
                out.add(row(repo, "<none>", digest, image, trunc));
            }
        });
        if (out.isEmpty()) {
            out.add(row("<none>", "<none>", "<none>", image, trunc));
        }
        return out;
    }

    private ImageRow row(String repo, String tag, String digest, Map<String, Object> image, boolean trunc) {
        return new ImageRow(repo, tag, digest, image, trunc, ctx.clock().instant(), ctx.clock().getZone());
    }

    private int pull(String ref) throws IOException {
        boolean all = flag("--all-tags");
        if (all && (ref.contains("@") || ref.lastIndexOf(':') > ref.lastIndexOf('/'))) {
            throw invalid("--all-tags", "tag can't be used with --all-tags/-a");
        }
        boolean quiet = flag("--quiet");
        Pulls.pull(ctx, client(), ref, all, out(), err(), ctx.console().outTerminal(), quiet);
        if (quiet) {
            out().println(ImageRefs.canonical(ref));
        }
        return 0;
    }

    private int push(String ref) throws IOException {
        String[] p = ImageRefs.split(ref);
        Request req = Request.post("/images/" + Request.segment(p[0]) + "/push")
                .query("tag", flag("--all-tags") ? null : p[1]);
        req.header("X-Registry-Auth", AuthStore.of(ctx.environment()).header(ImageRefs.registry(ref)));
        try (Response r = client().call(req)) {
            if (flag("--quiet")) {
                new PullProgress(new java.io.PrintWriter(java.io.Writer.nullWriter()), false, 200,
                        ctx.clock().instant()).render(r.body());
                out().println(ref);
            } else {
                new PullProgress(out(), ctx.console().outTerminal(), Pulls.width(ctx.console().outTerminal()),
                        ctx.clock().instant()).render(r.body());
            }
        } catch (PullProgress.StreamError e) {
            out().flush();
            throw new BerthException(ErrorCategory.UNAVAILABLE, ref, e.getMessage());
        }
        return 0;
    }

    private int tag(List<String> args) {
        if (args.size() != 2) {
            throw invalid("tag", "\"berth tag\" requires exactly 2 arguments: SOURCE_IMAGE TARGET_IMAGE");
        }
        String[] target = ImageRefs.split(args.get(1));
        client().exec(Request.post("/images/" + Request.segment(args.get(0)) + "/tag").query("repo", target[0])
                .query("tag", target[1]));
        return 0;
    }

    private String remove(String image) {
        Object answer = client().json(Request.delete("/images/" + Request.segment(image))
                .flag("force", flag("--force")).flag("noprune", flag("--no-prune")));
        List<String> lines = new ArrayList<>();
        for (Object o : Json.list(answer)) {
            Map<String, Object> m = Json.map(o);
            if (m.get("Untagged") != null) {
                lines.add("Untagged: " + Json.string(m.get("Untagged")));
            }
            if (m.get("Deleted") != null) {
                lines.add("Deleted: " + Json.string(m.get("Deleted")));
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private int history(String image) {
        boolean human = flag("--human");
        boolean trunc = !flag("--no-trunc");
        List<Object> rows = new ArrayList<>();
        for (Object o : Json.list(client().json(Request.get("/images/" + Request.segment(image) + "/history")))) {
            rows.add(new HistoryRow(Json.map(o), human, trunc, ctx.clock().instant()));
        }
        if (flag("--quiet")) {
            rows.forEach(r -> out().println(((HistoryRow) r).field("ID", List.of())));
            return 0;
        }
        out().print(Formatter.of(value("--format"), HistoryRow.DEFAULT).render(rows,
                f -> HistoryRow.HEADERS.getOrDefault(f, f.toUpperCase(Locale.ROOT))));
        return 0;
    }

    /** One layer of {@code history}. */
    record HistoryRow(Map<String, Object> h, boolean human, boolean trunc, java.time.Instant now)
            implements TemplateObject {
        static final Map<String, String> HEADERS = Map.of("ID", "IMAGE", "CreatedSince", "CREATED", "CreatedAt",
                "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");
        static final String DEFAULT = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

        @Override
        public Object field(String name, List<Object> args) {
            long created = Json.number(h.get("Created"));
            return switch (name) {
                case "ID" -> {
                    String id = Json.string(h.get("Id"));
                    yield id.startsWith("<") ? id : trunc ? ImageRefs.shortId(id) : id;
                }
                case "CreatedSince" -> human ? Units.humanDuration(Duration.between(
                        java.time.Instant.ofEpochSecond(created), now)) + " ago"
                        : java.time.Instant.ofEpochSecond(created).toString();
                case "CreatedAt" -> java.time.Instant.ofEpochSecond(created).toString();
                case "CreatedBy" -> {
                    String by = Json.string(h.get("CreatedBy")).replace("\t", " ");
                    yield trunc ? ContainerRow.ellipsis(by, 45) : by;
                }
                case "Size" -> human ? Units.humanSize(Json.number(h.get("Size")))
                        : Long.toString(Json.number(h.get("Size")));
                case "Comment" -> Json.string(h.get("Comment"));
                default -> MISSING;
            };
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : List.of("Comment", "CreatedAt", "CreatedBy", "CreatedSince", "ID", "Size")) {
                m.put(f, field(f, List.of()));
            }
            return m;
        }
    }
}
