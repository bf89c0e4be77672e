package io.berth.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builders for picocli's programmatic model, which every command here uses instead of annotations: reading
 * annotations costs reflection and one dynamic proxy class per annotation type at every start (about a third of
 * {@code berth config}'s time before this; see the Benchmarks in the README), and none of it can be kept in the
 * JVM's AOT cache.
 */
final class Specs {
    private Specs() {
    }

    /** A command backed by {@code command} (a {@code Callable<Integer>}), with {@code -h/--help}. */
    static CommandSpec command(Object command, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
        return spec;
    }

    /** A boolean option. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /** An option with one value. */
    static OptionSpec value(String label, String description, String... names) {
        return OptionSpec.builder(names).type(String.class).paramLabel(label).description(description).build();
    }

    /** A repeatable option; its values are kept in order. */
    static OptionSpec list(String label, String description, String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /** An option whose value is one of {@code type}'s constants, spelled as they are (a usage error otherwise). */
    static <E extends Enum<E>> OptionSpec choice(Class<E> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description).build();
    }
}
