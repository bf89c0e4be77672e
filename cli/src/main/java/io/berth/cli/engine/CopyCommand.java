package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.DaemonError;
import io.berth.cli.client.Json;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import io.berth.cli.format.Units;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code berth cp}: {@code GET /containers/{id}/archive} and extraction here (or the raw tar to stdout with
 * {@code -}), or a tar made here and {@code PUT /containers/{id}/archive} (or stdin's tar with {@code -}), with
 * docker's naming rules: into an existing directory under the source's name, else under the destination's name.
 */
final class CopyCommand extends EngineCommand {
    private CopyCommand(CliContext ctx) {
        super(ctx);
    }

    static CommandLine create(CliContext ctx) {
        return line(new CopyCommand(ctx), "Copy files/folders between a container and the local filesystem",
                "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n       berth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
                s -> {
                    s.addOption(Specs.flag("Archive mode (copy all uid/gid information)", "-a", "--archive"));
                    s.addOption(Specs.flag("Always follow symbol link in SRC_PATH", "-L", "--follow-link"));
                    s.addOption(Specs.flag("Suppress progress output during copy", "-q", "--quiet"));
                    s.addPositional(Specs.positionals("SRC DEST", "Source and destination", 2));
                });
    }

    @Override
    protected int run() throws IOException {
        List<String> args = positionals();
        if (args.size() != 2) {
            throw invalid("cp", "\"berth cp\" requires exactly 2 arguments: SRC and DEST");
        }
        String[] src = split(args.get(0));
        String[] dst = split(args.get(1));
        if (src[0] != null && dst[0] != null) {
            throw invalid("cp", "copying between containers is not supported");
        }
        if (src[0] == null && dst[0] == null) {
            throw invalid("cp", "must specify at least one container source");
        }
        return src[0] != null ? fromContainer(src[0], src[1], args.get(1)) : toContainer(args.get(0), dst[0], dst[1]);
    }

    /** {container or null, path}, as docker splits {@code CONTAINER:PATH}. */
    static String[] split(String arg) {
        if (arg.startsWith("/") || arg.startsWith(".") || arg.equals("-")) {
            return new String[] {null, arg};
        }
        int colon = arg.indexOf(':');
        if (colon <= 0) {
            return new String[] {null, arg};
        }
        return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
    }

    private String archive(String container) {
        return "/containers/" + Request.segment(container) + "/archive";
    }

    private int fromContainer(String container, String path, String dest) throws IOException {
        String srcPath = path;
        if (flag("--follow-link")) {
            Map<String, Object> stat = stat(container, path);
            String target = stat == null ? "" : Json.string(stat.get("linkTarget"));
            if (!target.isEmpty()) {
                srcPath = target;
            }
        }
        try (Response r = client().call(Request.get(archive(container)).query("path", srcPath))) {
            if (dest.equals("-")) {
                OutputStream out = rawOut();
                r.body().transferTo(out);
                out.flush();
                return 0;
            }
            Map<String, Object> stat = decode(r.header("X-Docker-Container-Path-Stat"));
            String srcName = stat == null ? Path.of(srcPath).getFileName().toString() : Json.string(stat.get("name"));
            Path target = ctx.workingDirectory().resolve(dest);
            long bytes;
            if (Files.isDirectory(target)) {
                bytes = Tar.extract(r.body(), target, n -> n, flag("--archive"));
            } else {
                if (dest.endsWith("/")) {
                    throw new BerthException(ErrorCategory.NOT_FOUND, dest, "destination directory \"" + dest
                            + "\" must exist if it ends with '/'");
                }
                Path parent = target.getParent();
                if (parent == null || !Files.isDirectory(parent)) {
                    throw new BerthException(ErrorCategory.NOT_FOUND, dest, "destination \"" + dest
                            + "\": its directory does not exist");
                }
                String newName = target.getFileName().toString();
                bytes = Tar.extract(r.body(), parent, n -> rename(n, srcName, newName), flag("--archive"));
            }
            done(bytes, dest);
        }
        return 0;
    }

    private static String rename(String entry, String from, String to) {
        if (entry.equals(from)) {
            return to;
        }
        return entry.startsWith(from + "/") ? to + entry.substring(from.length()) : entry;
    }

    private int toContainer(String source, String container, String path) throws IOException {
        Request put = Request.put(archive(container)).flag("noOverwriteDirNonDir", true)
                .flag("copyUIDGID", flag("--archive"));
        if (source.equals("-")) {
            client().exec(put.query("path", path).stream(ctx.console().in(), "application/x-tar"));
            return 0;
        }
        Path src = ctx.workingDirectory().resolve(source);
        if (!Files.exists(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new BerthException(ErrorCategory.NOT_FOUND, source, "lstat " + src + ": no such file or directory");
        }
        Map<String, Object> stat = stat(container, path);
        boolean intoDir = stat != null && (Json.number(stat.get("mode")) & (1L << 31)) != 0;
        String dir = intoDir ? path : parentOf(path);
        String name = intoDir ? src.getFileName().toString() : Path.of(path).getFileName().toString();
        long[] bytes = {0};
        boolean follow = flag("--follow-link");
        client().exec(put.query("path", dir).stream(out -> bytes[0] = Tar.write(src, name, follow, out),
                "application/x-tar"));
        done(bytes[0], container + ":" + path);
        return 0;
    }

    private static String parentOf(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? "/" : parent.toString();
    }

    /** The container path's stat from {@code HEAD .../archive}, or null when it does not exist. */
    private Map<String, Object> stat(String container, String path) {
        try (Response r = client().call(Request.head(archive(container)).query("path", path))) {
            return decode(r.header("X-Docker-Container-Path-Stat"));
        } catch (DaemonError e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    private static Map<String, Object> decode(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        return Json.map(Json.parse(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8)));
    }

    private void done(long bytes, String dest) {
        if (!flag("--quiet")) {
            err().println("Successfully copied " + Units.humanSize(bytes, 4) + " to " + dest);
        }
    }
}
