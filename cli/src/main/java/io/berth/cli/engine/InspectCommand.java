package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.Specs;
import io.berth.cli.client.DaemonError;
import io.berth.cli.client.Request;
import io.berth.cli.format.Formatter;
import io.berth.cli.format.JsonText;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code inspect} (containers, then images, then volumes, or {@code --type}), {@code container inspect},
 * {@code image inspect} and {@code volume inspect}: the daemon's JSON as docker prints it (an indented array), or
 * a template per object with {@code -f}.
 */
final class InspectCommand extends EngineCommand {
    private final String type;

    private InspectCommand(CliContext ctx, String type) {
        super(ctx);
        this.type = type;
    }

    /** {@code type}: null for {@code berth inspect}, else container, image or volume. */
    static CommandLine create(CliContext ctx, String type) {
        String what = type == null ? "Berth objects" : "one or more " + type + "s";
        return line(new InspectCommand(ctx, type), type == null ? "Return low-level information on Berth objects"
                : "Display detailed information on " + what, "[OPTIONS] NAME [NAME...]", s -> {
                    s.addOption(Specs.value("FORMAT", "Format output using a custom template: 'json' or a Go"
                            + " template", "-f", "--format"));
                    if (!"volume".equals(type) && !"image".equals(type)) {
                        s.addOption(Specs.flag("Display total file sizes if the type is container", "-s", "--size"));
                    }
                    if (type == null) {
                        s.addOption(Specs.value("TYPE", "Only inspect objects of the given type (container, image,"
                                + " volume)", "--type"));
                    }
                    s.addPositional(Specs.positionals("NAME", "Objects to inspect", 1));
                });
    }

    @Override
    protected int run() {
        String only = type != null ? type : value("--type");
        if (only != null && !List.of("container", "image", "volume").contains(only)) {
            throw invalid("--type", "\"" + only + "\" is not a valid value for --type (container, image, volume)");
        }
        List<Object> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : positionals()) {
            Object o = find(name, only);
            if (o == null) {
                missing.add(name);
            } else {
                found.add(o);
            }
        }
        String format = value("--format");
        if (format == null || format.isEmpty() || format.equals("json")) {
            out().println(JsonText.indent(found, "    "));
        } else {
            for (Object o : found) {
                out().println(Formatter.once(format, o));
            }
        }
        out().flush();
        for (String m : missing) {
            String what = only == null ? "object" : only;
            err().println("Error: No such " + what + ": " + m);
        }
        return missing.isEmpty() ? 0 : 1;
    }

    private Object find(String name, String only) {
        String seg = Request.segment(name);
        List<String[]> tries = new ArrayList<>();
        if (only == null || only.equals("container")) {
            tries.add(new String[] {"/containers/" + seg + "/json", "container"});
        }
        if (only == null || only.equals("image")) {
            tries.add(new String[] {"/images/" + seg + "/json", "image"});
        }
        if (only == null || only.equals("volume")) {
            tries.add(new String[] {"/volumes/" + seg, "volume"});
        }
        for (String[] t : tries) {
            try {
                Request r = Request.get(t[0]);
                if (t[1].equals("container")) {
                    r.flag("size", args().hasMatchedOption("--size") && flag("--size"));
                }
                return client().json(r);
            } catch (DaemonError e) {
                if (!e.notFound()) {
                    throw e;
                }
            }
        }
        return null;
    }

    static BerthException noSuch(String what, String name) {
        return new BerthException(ErrorCategory.NOT_FOUND, name, "No such " + what + ": " + name);
    }
}
