package io.berth.compose.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Validates a parsed compose document (plain Java maps, lists and scalars) against a JSON schema, reporting
 * what compose-go would report, in its words.
 *
 * <pre>{@code
 * SchemaValidator validator = SchemaValidator.compose();      // compile once, reuse
 * for (SchemaViolation v : validator.validate(document)) {
 *     System.err.println("validating compose.yaml: " + v.describe());
 * }
 * }</pre>
 *
 * <p>The schema is compiled once, in the constructor; an instance is immutable and may be shared between
 * threads. {@link #validate} never throws for a bad document, compiles no regular expression, and on a valid
 * document allocates little beyond map iterators ({@code oneOf} branches are probed without recording).
 */
public final class SchemaValidator {
    /** The Compose JSON schema as compose-go embeds it (draft 2020-12); see {@code shared/compose-spec/README.md}. */
    public static final String COMPOSE_SCHEMA_RESOURCE = "/io/berth/compose/schema/compose-spec.json";

    private final SchemaNode root;

    /**
     * Compiles a schema given as a tree: {@code Map<String,Object>}, {@code List}, scalars, or a Boolean.
     *
     * @throws IllegalArgumentException if the schema uses a keyword, dialect or reference this validator does not
     *                                  support (so that nothing is silently left unchecked)
     */
    public SchemaValidator(Object schema) {
        this.root = SchemaCompiler.compile(schema);
    }

    /** A validator for the bundled Compose schema. Compiling it takes a few milliseconds; keep the instance. */
    public static SchemaValidator compose() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(COMPOSE_SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the compose schema " + COMPOSE_SCHEMA_RESOURCE
                        + " is missing from the classpath: the berth-compose-model jar is incomplete");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compose schema " + COMPOSE_SCHEMA_RESOURCE, e);
        }
    }

    /**
     * Compiles a schema from its JSON text. The text is read by a small strict JSON reader rather than SnakeYAML
     * Engine, which is ten times slower on a cold JVM for the Compose schema.
     *
     * @throws IllegalArgumentException if the text is not JSON or the schema is not supported
     */
    public static SchemaValidator fromJson(String json) {
        return new SchemaValidator(JsonReader.read(json));
    }

    /**
     * All the violations of a document, empty when it is valid. The first is the one compose-go reports (the most
     * specific: deepest path, an unknown key counting one deeper than its object; the first found on a tie); the
     * rest follow from most to least specific, in document order among equals. Where a {@code oneOf} fails, only
     * the violations of its branch that got furthest are listed.
     */
    public List<SchemaViolation> validate(Object document) {
        Walk walk = new Walk();
        root.validate(document, walk);
        return walk.violations();
    }
}
