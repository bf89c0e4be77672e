package io.berth.compose.internal.output;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Writes the model as block-style YAML, as {@code docker compose config} prints it: two-space indents, and
 * strings that would read back as another type ({@code "3000"}, {@code "true"}) double-quoted, as go-yaml does.
 */
public final class YamlWriter {
    /** YAML 1.2 core schema without snakeyaml's {@code !!env} tag for "${VAR}", which go-yaml prints plain. */
    private static final ScalarResolver GO_RESOLVER = new ScalarResolver() {
        private final CoreScalarResolver core = new CoreScalarResolver(false);

        @Override
        public Tag resolve(String value, Boolean implicit) {
            Tag tag = core.resolve(value, implicit);
            return tag.equals(Tag.ENV_TAG) ? Tag.STR : tag;
        }
    };

    /** The dumper's default schema, whose resolver decides which scalars may stay plain, without {@code !!env}. */
    private static final Schema GO_SCHEMA = new Schema() {
        private final Schema base = DumpSettings.builder().build().getSchema();
        private final ScalarResolver resolver = (value, implicit) -> {
            Tag tag = base.getScalarResolver().resolve(value, implicit);
            return tag.equals(Tag.ENV_TAG) ? Tag.STR : tag;
        };

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return base.getSchemaTagConstructors();
        }
    };

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
                .setSchema(GO_SCHEMA)
                .build();
        return new Dump(settings, new GoStyleRepresenter(settings)).dumpToString(tree);
    }

    private static final class GoStyleRepresenter extends StandardRepresenter {
        GoStyleRepresenter(DumpSettings settings) {
            super(settings);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                boolean ambiguous = s.isEmpty() || !GO_RESOLVER.resolve(s, true).equals(Tag.STR)
                        || s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("no") || s.equalsIgnoreCase("on")
                        || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("y") || s.equalsIgnoreCase("n");
                Node n = representScalar(Tag.STR, s, ambiguous ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
                return n;
            });
        }
    }
}
