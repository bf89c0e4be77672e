package io.berth.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the distribution's AOT cache (JDK 25, JEP 514/515) or CDS archive (JDK 21-24): one JVM
 * that runs the commands people run most, so that their classes (and, with JDK 25, their method profiles) are in
 * the cache. {@code bin/berth} runs it at build time; it is not reachable from the {@code berth} command.
 *
 * <p>Never fails: a command that fails (the loader may not handle the sample yet) still loads the classes of its
 * path, and the cache is written when the JVM exits normally.
 */
public final class AotTraining {
    private AotTraining() {
    }

    /** @param args compose files to train {@code berth config} on (absolute paths); may be empty */
    public static void main(String[] args) {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"version"});
        commands.add(new String[] {"compose", "--help"});
        commands.add(new String[] {"compose", "version"});
        commands.add(new String[] {"config", "--help"});
        commands.add(new String[] {"build", "."});
        commands.add(new String[] {"config", "--format", "xml"});
        // The engine commands' paths up to the socket: flags, the create body, JSON, templates and the client's
        // refused connection (a socket that cannot exist, so no daemon is ever started by the training).
        String nowhere = "unix:///nonexistent/berth-aot-training.sock";
        commands.add(new String[] {"run", "--help"});
        commands.add(new String[] {"-H", nowhere, "run", "--rm", "-d", "-e", "A=1", "-v", "/data", "-p", "8080:80",
            "--name", "web", "busybox", "true"});
        commands.add(new String[] {"-H", nowhere, "ps", "-a"});
        commands.add(new String[] {"-H", nowhere, "images"});
        commands.add(new String[] {"-H", nowhere, "logs", "web"});
        commands.add(new String[] {"-H", nowhere, "exec", "web", "true"});
        commands.add(new String[] {"-H", nowhere, "stop", "web"});
        commands.add(new String[] {"-H", nowhere, "version", "--format", "{{json .Client}} {{.Client.Version}}"});
        commands.add(new String[] {"-H", nowhere, "version"});
        for (String file : args) {
            for (int round = 0; round < 3; round++) {
                commands.add(new String[] {"config", "-f", file});
                commands.add(new String[] {"config", "--format", "json", "-f", file});
                commands.add(new String[] {"config", "-q", "-f", file});
                commands.add(new String[] {"compose", "-f", file, "config", "--services"});
                commands.add(new String[] {"config", "--hash", "*", "-f", file});
            }
        }
        CliContext ctx = Main.processContext(System.getenv(), new ByteArrayInputStream(new byte[0]), Console.none());
        int failed = 0;
        for (String[] command : commands) {
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            try {
                if (Main.run(command, ctx, sink, sink) != 0) {
                    failed++;
                }
            } catch (RuntimeException | LinkageError e) {
                failed++;
            }
        }
        System.out.println("berth AOT training: " + commands.size() + " commands run, " + failed
                + " exited non-zero (expected: usage error, pending command, no daemon)");
    }
}
