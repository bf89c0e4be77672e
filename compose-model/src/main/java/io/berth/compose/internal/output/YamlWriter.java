package io.berth.compose.internal.output;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/**
 * Writes the model as block-style YAML, as {@code docker compose config} prints it: two-space indents, and
 * strings that would read back as another type ({@code "3000"}, {@code "true"}) double-quoted, as go-yaml does.
 */
public final class YamlWriter {
    private YamlWriter() {
    }

    public static String write(Object tree) {
        return write(tree, 2);
    }

    /** {@link #write(Object)} with {@code indent} spaces a level ({@code yaml.Marshal}'s default is 4). */
    public static String write(Object tree, int indent) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setDefaultScalarStyle(ScalarStyle.PLAIN)
                .setIndent(indent)
                .setIndicatorIndent(indent)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
        return new Dump(settings, new GoStyleRepresenter(settings)).dumpToString(tree);
    }

    private static final class GoStyleRepresenter extends StandardRepresenter {
        private final CoreScalarResolver resolver = new CoreScalarResolver(false);

        GoStyleRepresenter(DumpSettings settings) {
            super(settings);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                boolean ambiguous = s.isEmpty() || !resolver.resolve(s, true).equals(Tag.STR)
                        || s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("no") || s.equalsIgnoreCase("on")
                        || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("y") || s.equalsIgnoreCase("n");
                Node n = representScalar(Tag.STR, s, ambiguous ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
                return n;
            });
        }
    }
}
