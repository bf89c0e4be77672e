package io.berth.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for every command (docker's subcommands have no {@code --version}, so no standard mixin). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
