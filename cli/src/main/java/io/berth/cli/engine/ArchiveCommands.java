package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The commands that move tar archives: {@code export} and {@code save} (to {@code -o} or stdout, never to a
 * terminal), {@code load} and {@code import} (from {@code -i}/a file or stdin, with the daemon's progress stream),
 * and {@code commit}. {@code cp} lives in {@link CopyCommand}.
 */
final class ArchiveCommands extends EngineCommand {
    /** Which command this is. */
    enum Kind { EXPORT, SAVE, LOAD, IMPORT, COMMIT }

    private final Kind kind;

    private ArchiveCommands(CliContext ctx, Kind kind) {
        super(ctx);
        this.kind = kind;
    }

    static CommandLine create(CliContext ctx, Kind kind) {
        ArchiveCommands c = new ArchiveCommands(ctx, kind);
        return switch (kind) {
            case EXPORT -> line(c, "Export a container's filesystem as a tar archive", "[OPTIONS] CONTAINER", s -> {
                s.addOption(Specs.value("FILE", "Write to a file, instead of STDOUT", "-o", "--output"));
                s.addPositional(Specs.positionals("CONTAINER", "The container", 1));
            });
            case SAVE -> line(c, "Save one or more images to a tar archive (streamed to STDOUT by default)",
                    "[OPTIONS] IMAGE [IMAGE...]", s -> {
                        s.addOption(Specs.value("FILE", "Write to a file, instead of STDOUT", "-o", "--output"));
                        s.addPositional(Specs.positionals("IMAGE", "Images", 1));
                    });
            case LOAD -> line(c, "Load an image from a tar archive or STDIN", "[OPTIONS]", s -> {
                s.addOption(Specs.value("FILE", "Read from tar archive file, instead of STDIN", "-i", "--input"));
                s.addOption(Specs.flag("Suppress the load output", "-q", "--quiet"));
            });
            case IMPORT -> line(c, "Import the contents from a tarball to create a filesystem image",
                    "[OPTIONS] file|-  [REPOSITORY[:TAG]]", s -> {
                        s.addOption(Specs.list("CHANGE", "Apply Dockerfile instruction to the created image", "-c",
                                "--change"));
                        s.addOption(Specs.value("MESSAGE", "Set commit message for imported image", "-m",
                                "--message"));
                        s.addOption(Specs.value("PLATFORM", "Set platform if server is multi-platform capable",
                                "--platform"));
                        s.addPositional(Specs.positionals("file|-", "The tarball, then the repository", 1));
                    });
            case COMMIT -> line(c, "Create a new image from a container's changes",
                    "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]", s -> {
                        s.addOption(Specs.value("AUTHOR", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")",
                                "-a", "--author"));
                        s.addOption(Specs.list("CHANGE", "Apply Dockerfile instruction to the created image", "-c",
                                "--change"));
                        s.addOption(Specs.value("MESSAGE", "Commit message", "-m", "--message"));
                        s.addOption(Specs.bool(true, "Pause container during commit", "-p", "--pause"));
                        s.addPositional(Specs.positionals("CONTAINER", "The container, then the repository", 1));
                    });
        };
    }

    @Override
    protected int run() throws IOException {
        List<String> args = positionals();
        return switch (kind) {
            case EXPORT -> download(Request.get("/containers/" + Request.segment(args.get(0)) + "/export"));
            case SAVE -> {
                Request r = Request.get("/images/get");
                args.forEach(n -> r.query("names", n));
                yield download(r);
            }
            case LOAD -> load();
            case IMPORT -> importTar(args);
            case COMMIT -> commit(args);
        };
    }

    /** Writes the body of {@code request} to {@code -o} or stdout (refusing a terminal, as docker does). */
    private int download(Request request) throws IOException {
        String output = value("--output");
        if (output == null && ctx.console().outTerminal()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "-o", "cowardly refusing to save to a terminal."
                    + " Use the -o flag or redirect");
        }
        try (Response r = client().call(request)) {
            if (output == null) {
                OutputStream out = rawOut();
                r.body().transferTo(out);
                out.flush();
                return 0;
            }
            Path file = ctx.workingDirectory().resolve(output);
            Path tmp = file.resolveSibling("." + file.getFileName() + ".berth-tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                r.body().transferTo(out);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, output, "failed to save to " + output
                        + ": " + e.getMessage(), e);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }

    private InputStream source(String file) throws IOException {
        if (file == null || file.equals("-")) {
            if (ctx.console().inTerminal()) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "-i", "requested load from stdin, but stdin"
                        + " is empty");
            }
            return ctx.console().in();
        }
        Path p = ctx.workingDirectory().resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, file, "open " + file
                    + ": no such file or directory");
        }
        return Files.newInputStream(p);
    }

    private int load() throws IOException {
        boolean quiet = flag("--quiet");
        try (InputStream in = source(value("--input"));
             Response r = client().call(Request.post("/images/load").flag("quiet", quiet)
                     .stream(in, "application/x-tar"))) {
            render(r);
        }
        return 0;
    }

    private int importTar(List<String> args) throws IOException {
        String src = args.get(0);
        if (src.startsWith("http://") || src.startsWith("https://")) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, src, "importing from a URL is not supported by"
                    + " berth: download the tarball and import the file (or pipe it with '-')");
        }
        String[] repo = args.size() > 1 ? ImageRefs.split(args.get(1)) : null;
        Request req = Request.post("/images/create").query("fromSrc", "-")
                .query("repo", repo == null ? null : repo[0]).query("tag", repo == null ? null : repo[1])
                .query("message", value("--message")).query("platform", value("--platform"));
        values("--change").forEach(c -> req.query("changes", c));
        try (InputStream in = source(src); Response r = client().call(req.stream(in, "application/x-tar"))) {
            render(r);
        }
        return 0;
    }

    private void render(Response r) throws IOException {
        try {
            new PullProgress(out(), ctx.console().outTerminal(), Pulls.width(ctx.console().outTerminal()),
                    ctx.clock().instant()).render(r.body());
        } catch (PullProgress.StreamError e) {
            out().flush();
            throw new BerthException(ErrorCategory.INTERNAL, "berthd", e.getMessage());
        }
    }

    private int commit(List<String> args) {
        String[] repo = args.size() > 1 ? ImageRefs.split(args.get(1)) : null;
        Request req = Request.post("/commit").query("container", args.get(0))
                .query("repo", repo == null ? null : repo[0]).query("tag", repo == null ? null : repo[1])
                .query("comment", value("--message")).query("author", value("--author"))
                .query("pause", flag("--pause") ? "1" : "0");
        values("--change").forEach(c -> req.query("changes", c));
        out().println(Json.string(Json.map(client().json(req.json(java.util.Map.of()))).get("Id")));
        return 0;
    }
}
