package io.berth.cli;

import java.util.List;

/**
 * The command set of {@code berth}, with docker's descriptions. Data only: {@link CommandTree} turns it into
 * picocli commands. A command listed here that has no implementation yet becomes a {@link PendingCommand}.
 */
final class CommandCatalog {
    /** One command: its name and its one-line description. */
    record Entry(String name, String description) {
    }

    /** One management group ({@code berth image ...}) and its subcommands. */
    record Group(String name, String description, List<Entry> commands) {
    }

    private CommandCatalog() {
    }

    static final List<Entry> ENGINE = List.of(
            e("run", "Create and run a new container from an image"),
            e("exec", "Execute a command in a running container"),
            e("ps", "List containers"),
            e("build", "Build an image from a Dockerfile"),
            e("pull", "Download an image from a registry"),
            e("push", "Upload an image to a registry"),
            e("images", "List images"),
            e("info", "Display system-wide information"),
            e("attach", "Attach local standard input, output, and error streams to a running container"),
            e("commit", "Create a new image from a container's changes"),
            e("cp", "Copy files/folders between a container and the local filesystem"),
            e("create", "Create a new container"),
            e("diff", "Inspect changes to files or directories on a container's filesystem"),
            e("events", "Get real time events from the server"),
            e("inspect", "Return low-level information on Berth objects"),
            e("kill", "Kill one or more running containers"),
            e("load", "Load an image from a tar archive or STDIN"),
            e("logs", "Fetch the logs of a container"),
            e("pause", "Pause all processes within one or more containers"),
            e("port", "List port mappings or a specific mapping for the container"),
            e("restart", "Restart one or more containers"),
            e("rm", "Remove one or more containers"),
            e("rmi", "Remove one or more images"),
            e("save", "Save one or more images to a tar archive (streamed to STDOUT by default)"),
            e("start", "Start one or more stopped containers"),
            e("stats", "Display a live stream of container(s) resource usage statistics"),
            e("stop", "Stop one or more running containers"),
            e("tag", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"),
            e("top", "Display the running processes of a container"),
            e("unpause", "Unpause all processes within one or more containers"),
            e("wait", "Block until one or more containers stop, then print their exit codes"),
            e("export", "Export a container's filesystem as a tar archive"),
            e("history", "Show the history of an image"),
            e("import", "Import the contents from a tarball to create a filesystem image"),
            e("login", "Log in to a registry"),
            e("logout", "Log out from a registry"),
            e("rename", "Rename a container"));

    static final List<Group> GROUPS = List.of(
            new Group("container", "Manage containers", List.of(
                    engine("attach"),
                    engine("commit"),
                    engine("cp"),
                    engine("create"),
                    engine("diff"),
                    engine("exec"),
                    engine("export"),
                    e("inspect", "Display detailed information on one or more containers"),
                    engine("kill"),
                    engine("logs"),
                    e("ls", "List containers"),
                    engine("pause"),
                    engine("port"),
                    e("prune", "Remove all stopped containers"),
                    engine("rename"),
                    engine("restart"),
                    engine("rm"),
                    engine("run"),
                    engine("start"),
                    engine("stats"),
                    engine("stop"),
                    engine("top"),
                    engine("unpause"),
                    e("update", "Update configuration of one or more containers"),
                    engine("wait"))),
            new Group("image", "Manage images", List.of(
                    engine("build"),
                    engine("history"),
                    engine("import"),
                    e("inspect", "Display detailed information on one or more images"),
                    engine("load"),
                    e("ls", "List images"),
                    e("prune", "Remove unused images"),
                    engine("pull"),
                    engine("push"),
                    e("rm", "Remove one or more images"),
                    engine("save"),
                    engine("tag"))),
            new Group("network", "Manage networks", List.of(
                    e("connect", "Connect a container to a network"),
                    e("create", "Create a network"),
                    e("disconnect", "Disconnect a container from a network"),
                    e("inspect", "Display detailed information on one or more networks"),
                    e("ls", "List networks"),
                    e("prune", "Remove all unused networks"),
                    e("rm", "Remove one or more networks"))),
            new Group("volume", "Manage volumes", List.of(
                    e("create", "Create a volume"),
                    e("inspect", "Display detailed information on one or more volumes"),
                    e("ls", "List volumes"),
                    e("prune", "Remove unused local volumes"),
                    e("rm", "Remove one or more volumes"))),
            new Group("system", "Manage Berth", List.of(
                    e("df", "Show Berth disk usage"),
                    engine("events"),
                    engine("info"),
                    e("prune", "Remove unused data"))));

    /** Compose commands that need the daemon; {@code config} and {@code version} are implemented. */
    static final List<Entry> COMPOSE = List.of(
            e("build", "Build or rebuild services"),
            e("cp", "Copy files/folders between a service container and the local filesystem"),
            e("create", "Creates containers for a service"),
            e("down", "Stop and remove containers, networks"),
            e("events", "Receive real time events from containers"),
            e("exec", "Execute a command in a running container"),
            e("images", "List images used by the created containers"),
            e("kill", "Force stop service containers"),
            e("logs", "View output from containers"),
            e("ls", "List running compose projects"),
            e("pause", "Pause services"),
            e("port", "Print the public port for a port binding"),
            e("ps", "List containers"),
            e("pull", "Pull service images"),
            e("push", "Push service images"),
            e("restart", "Restart service containers"),
            e("rm", "Removes stopped service containers"),
            e("run", "Run a one-off command on a service"),
            e("scale", "Scale services"),
            e("start", "Start services"),
            e("stop", "Stop services"),
            e("top", "Display the running processes"),
            e("unpause", "Unpause services"),
            e("up", "Create and start containers"),
            e("wait", "Block until containers of all (or specified) services stop."));

    /** The compose commands that also exist at the top level: {@code berth up} is {@code berth compose up}. */
    static final List<String> SHORTCUTS = List.of("up", "down");

    static Entry compose(String name) {
        return COMPOSE.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a compose command: " + name));
    }

    /** The engine command of that name: a group command with docker's same description reuses it. */
    private static Entry engine(String name) {
        return ENGINE.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an engine command: " + name));
    }

    private static Entry e(String name, String description) {
        return new Entry(name, description);
    }
}
