package io.berth.cli.engine;

import io.berth.cli.Specs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The flags of {@code run} and {@code create}, with docker's names and descriptions. */
final class CreateOptions {
    private CreateOptions() {
    }

    static void addTo(CommandSpec s, boolean run) {
        if (run) {
            s.addOption(Specs.flag("Run container in background and print container ID", "-d", "--detach"));
            s.addOption(Specs.bool(true, "Proxy received signals to the process", "--sig-proxy"));
        }
        s.addOption(Specs.list("STREAM", "Attach to STDIN, STDOUT or STDERR", "-a", "--attach"));
        s.addOption(Specs.flag("Keep STDIN open even if not attached", "-i", "--interactive"));
        s.addOption(Specs.flag("Allocate a pseudo-TTY", "-t", "--tty"));
        s.addOption(Specs.flag("Automatically remove the container and its associated anonymous volumes when it"
                + " exits", "--rm"));
        s.addOption(Specs.value("NAME", "Assign a name to the container", "--name"));
        s.addOption(Specs.list("ENV", "Set environment variables", "-e", "--env"));
        s.addOption(Specs.list("FILE", "Read in a file of environment variables", "--env-file"));
        s.addOption(Specs.list("VOLUME", "Bind mount a volume", "-v", "--volume"));
        s.addOption(Specs.list("MOUNT", "Attach a filesystem mount to the container", "--mount"));
        s.addOption(Specs.value("DIR", "Working directory inside the container", "-w", "--workdir"));
        s.addOption(Specs.value("USER", "Username or UID (format: <name|uid>[:<group|gid>])", "-u", "--user"));
        s.addOption(Specs.value("CMD", "Overwrite the default ENTRYPOINT of the image", "--entrypoint"));
        s.addOption(Specs.value("POLICY", "Restart policy to apply when a container exits (default \"no\")",
                "--restart"));
        s.addOption(Specs.flag("Run an init inside the container that forwards signals and reaps processes",
                "--init"));
        s.addOption(Specs.value("NETWORK", "Connect a container to a network", "--network", "--net"));
        s.addOption(Specs.value("CMD", "Command to run to check health", "--health-cmd"));
        s.addOption(Specs.value("DURATION", "Time between running the check (ms|s|m|h)", "--health-interval"));
        s.addOption(Specs.value("DURATION", "Maximum time to allow one check to run (ms|s|m|h)", "--health-timeout"));
        s.addOption(Specs.integer("N", "Consecutive failures needed to report unhealthy", "--health-retries"));
        s.addOption(Specs.value("DURATION", "Start period for the container to initialize before starting"
                + " health-retries countdown (ms|s|m|h)", "--health-start-period"));
        s.addOption(Specs.value("DURATION", "Time between running the check during the start period (ms|s|m|h)",
                "--health-start-interval"));
        s.addOption(Specs.flag("Disable any container-specified HEALTHCHECK", "--no-healthcheck"));
        s.addOption(Specs.list("LABEL", "Set meta data on a container", "-l", "--label"));
        s.addOption(Specs.list("FILE", "Read in a line delimited file of labels", "--label-file"));
        s.addOption(Specs.value("SIGNAL", "Signal to stop the container", "--stop-signal"));
        s.addOption(Specs.integer("SECONDS", "Timeout (in seconds) to stop a container", "--stop-timeout"));
        s.addOption(Specs.flag("Mount the container's root filesystem as read only", "--read-only"));
        s.addOption(Specs.list("TMPFS", "Mount a tmpfs directory", "--tmpfs"));
        s.addOption(Specs.list("CAP", "Add Linux capabilities", "--cap-add"));
        s.addOption(Specs.list("CAP", "Drop Linux capabilities", "--cap-drop"));
        s.addOption(Specs.flag("Give extended privileges to this container", "--privileged"));
        s.addOption(Specs.list("ULIMIT", "Ulimit options", "--ulimit"));
        s.addOption(Specs.value("BYTES", "Memory limit", "-m", "--memory"));
        s.addOption(Specs.value("BYTES", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap",
                "--memory-swap"));
        s.addOption(Specs.value("DECIMAL", "Number of CPUs", "--cpus"));
        s.addOption(Specs.integer("INT", "CPU shares (relative weight)", "-c", "--cpu-shares"));
        s.addOption(Specs.value("CPUS", "CPUs in which to allow execution (0-3, 0,1)", "--cpuset-cpus"));
        s.addOption(Specs.integer("INT", "Tune container pids limit (set -1 for unlimited)", "--pids-limit"));
        s.addOption(Specs.integer("UINT16", "Block IO (relative weight), between 10 and 1000, or 0 to disable",
                "--blkio-weight"));
        s.addOption(Specs.value("BYTES", "Size of /dev/shm", "--shm-size"));
        s.addOption(Specs.list("OPT", "Security Options", "--security-opt"));
        s.addOption(Specs.value("NAME", "Container host name", "-h", "--hostname"));
        s.addOption(Specs.value("STRING", "Container NIS domain name", "--domainname"));
        s.addOption(Specs.list("SYSCTL", "Sysctl options", "--sysctl"));
        s.addOption(Specs.value("POLICY", "Pull image before running (\"always\", \"missing\", \"never\")", "--pull"));
        s.addOption(Specs.value("KEYS", "Override the key sequence for detaching a container", "--detach-keys"));
        s.addOption(Specs.value("DRIVER", "Logging driver for the container", "--log-driver"));
        s.addOption(Specs.list("OPT", "Log driver options", "--log-opt"));
        s.addOption(Specs.list("PORT", "Publish a container's port(s) to the host", "-p", "--publish"));
        s.addOption(Specs.flag("Publish all exposed ports to random ports", "-P", "--publish-all"));
        s.addOption(Specs.list("PORT", "Expose a port or a range of ports", "--expose"));
        s.addOption(Specs.list("IP", "Set custom DNS servers", "--dns"));
        s.addOption(Specs.list("DOMAIN", "Set custom DNS search domains", "--dns-search"));
        s.addOption(Specs.list("OPT", "Set DNS options", "--dns-option"));
        s.addOption(Specs.list("HOST:IP", "Add a custom host-to-IP mapping (host:ip)", "--add-host"));
        s.addOption(Specs.value("PLATFORM", "Set platform if server is multi-platform capable", "--platform"));
        s.addOption(Specs.flag("Suppress the pull output", "-q", "--quiet"));
        s.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").paramLabel("IMAGE")
                .type(java.util.List.class).auxiliaryTypes(String.class)
                .description("The image, then the command and its arguments").build());
    }
}
