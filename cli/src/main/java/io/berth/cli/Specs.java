package io.berth.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builders for picocli's programmatic model, which every command here uses instead of annotations: reading
 * annotations costs reflection and one dynamic proxy class per annotation type at every start (about a third of
 * {@code berth config}'s time before this; see the Benchmarks in the README), and none of it can be kept in the
 * JVM's AOT cache.
 */
public final class Specs {
    private Specs() {
    }

    /** A command backed by {@code command} (a {@code Callable<Integer>}), with {@code -h/--help}. */
    public static CommandSpec command(Object command, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help and exit.").build());
        return spec;
    }

    /** A boolean option. */
    public static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    /** An option with one value. */
    public static OptionSpec value(String label, String description, String... names) {
        return OptionSpec.builder(names).type(String.class).paramLabel(label).description(description).build();
    }

    /** A repeatable option; its values are kept in order. */
    public static OptionSpec list(String label, String description, String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /** A boolean option that also takes {@code =true|false} ({@code --sig-proxy=false}), as Go's flags do. */
    public static OptionSpec bool(boolean defaultValue, String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0..1").defaultValue(Boolean.toString(defaultValue))
                .fallbackValue("true").description(description).build();
    }

    /** An option with one integer value. */
    public static OptionSpec integer(String label, String description, String... names) {
        return OptionSpec.builder(names).type(Integer.class).paramLabel(label).description(description).build();
    }

    /** Positional parameters from {@code index} on, at least {@code min} of them. */
    public static PositionalParamSpec positionals(String label, String description, int min) {
        return PositionalParamSpec.builder().index("0..*").arity(min + "..*").paramLabel(label)
                .type(List.class).auxiliaryTypes(String.class).description(description).build();
    }

    /** An option whose value is one of {@code type}'s constants, spelled as they are (a usage error otherwise). */
    public static <E extends Enum<E>> OptionSpec choice(Class<E> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description).build();
    }
}
