package io.berth.compose.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a schema tree (maps, lists and scalars, as parsed from JSON) into {@link SchemaNode}s, once. Each
 * subschema is compiled once and named by its JSON pointer; a {@code $ref} (same document only, {@code #/…}) is
 * linked after the walk, so recursive references work. Anything the validator would not check faithfully is
 * refused with an {@link IllegalArgumentException} naming the keyword and its place: a keyword outside
 * {@link #KEYWORDS} and {@link #ANNOTATIONS}, another dialect, a remote {@code $ref}, or a {@code $ref} cycle
 * that never descends into the document.
 */
final class SchemaCompiler {
    /** The assertions and structure keywords the compose schema uses, and so the only ones supported. */
    static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "$ref", "type", "enum", "properties",
            "patternProperties", "additionalProperties", "required", "items", "uniqueItems", "minimum", "maximum",
            "oneOf", "pattern");
    /** Keywords that only describe, and are ignored. */
    static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "deprecated", "$comment",
            "examples", "readOnly", "writeOnly");
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final Object document;
    private final Map<String, SchemaNode> compiled = new HashMap<>();
    private final List<RefCheck> refs = new ArrayList<>();

    private SchemaCompiler(Object document) {
        this.document = document;
    }

    /** Compiles a whole schema document and returns its root. */
    static SchemaNode compile(Object document) {
        SchemaCompiler compiler = new SchemaCompiler(document);
        SchemaNode root = compiler.node(document, "#");
        compiler.linkRefs();
        RefCycles.reject(compiler.compiled.values());
        return root;
    }

    private SchemaNode node(Object schema, String location) {
        SchemaNode known = compiled.get(location);
        if (known != null) {
            return known;
        }
        SchemaNode node;
        if (schema instanceof Map<?, ?> map) {
            node = new SchemaNode(location, checks(map, location));
        } else if (schema instanceof Boolean b) {
            node = new SchemaNode(location, b ? List.of() : List.of(new FalseCheck()));
        } else {
            throw invalid(location, "a schema must be an object or a boolean");
        }
        compiled.put(location, node);
        return node;
    }

    /** The node's checks, in the order jsonschema evaluates the keywords. */
    private List<Check> checks(Map<?, ?> schema, String location) {
        checkKeywords(schema, location);
        List<Check> checks = new ArrayList<>();
        if (schema.containsKey("type")) {
            checks.add(new TypeCheck(types(schema.get("type"), location)));
        }
        if (schema.containsKey("enum")) {
            checks.add(new EnumCheck(list(schema.get("enum"), location.concat("/enum"))));
        }
        if (schema.containsKey("$ref")) {
            RefCheck ref = new RefCheck(refTarget(schema.get("$ref"), location));
            refs.add(ref);
            checks.add(ref);
        }
        if (schema.containsKey("required") || schema.containsKey("properties")
                || schema.containsKey("patternProperties") || schema.containsKey("additionalProperties")) {
            checks.add(objectCheck(schema, location));
        }
        boolean unique = Boolean.TRUE.equals(schema.get("uniqueItems"));
        if (unique || schema.containsKey("items")) {
            Object items = schema.get("items");
            if (items instanceof List<?>) {
                throw invalid(location + "/items", "an array of schemas is draft-07 syntax; use prefixItems");
            }
            checks.add(new ArrayCheck(unique, items == null ? null : node(items, location.concat("/items"))));
        }
        if (schema.get("pattern") instanceof String pattern) {
            checks.add(new PatternCheck(pattern(pattern, location.concat("/pattern"))));
        }
        if (schema.containsKey("minimum") || schema.containsKey("maximum")) {
            checks.add(new BoundsCheck(number(schema, "minimum", location), number(schema, "maximum", location)));
        }
        if (schema.containsKey("oneOf")) {
            List<Object> branches = list(schema.get("oneOf"), location.concat("/oneOf"));
            List<SchemaNode> nodes = new ArrayList<>(branches.size());
            for (int i = 0; i < branches.size(); i++) {
                nodes.add(node(branches.get(i), location.concat("/oneOf/").concat(Integer.toString(i))));
            }
            checks.add(new OneOfCheck(nodes));
        }
        return checks;
    }

    private void checkKeywords(Map<?, ?> schema, String location) {
        for (Map.Entry<?, ?> entry : schema.entrySet()) {
            Object keyword = entry.getKey();
            if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw invalid(location, "unsupported keyword '" + keyword + "' (supported: "
                        + new TreeSet<>(KEYWORDS) + ", and the annotations " + new TreeSet<>(ANNOTATIONS) + ")");
            }
        }
        if (schema.containsKey("$schema") && !(location.equals("#") && (DIALECT.equals(schema.get("$schema"))
                || DIALECT.concat("#").equals(schema.get("$schema"))))) {
            throw invalid(location, "$schema must be " + DIALECT + ", at the root only");
        }
        if (schema.containsKey("$id") && !location.equals("#")) {
            throw invalid(location, "$id is supported at the root only");
        }
        if (schema.containsKey("uniqueItems") && !(schema.get("uniqueItems") instanceof Boolean)) {
            throw invalid(location + "/uniqueItems", "must be a boolean");
        }
        if (schema.containsKey("pattern") && !(schema.get("pattern") instanceof String)) {
            throw invalid(location + "/pattern", "must be a string");
        }
    }

    private ObjectCheck objectCheck(Map<?, ?> schema, String location) {
        List<String> required = new ArrayList<>();
        for (Object name : requiredNames(schema, location)) {
            if (!(name instanceof String s)) {
                throw invalid(location + "/required", "must list strings");
            }
            required.add(s);
        }
        Map<String, SchemaNode> properties = new HashMap<>();
        for (Map.Entry<?, ?> entry : map(schema, "properties", location).entrySet()) {
            String name = String.valueOf(entry.getKey());
            properties.put(name, node(entry.getValue(), location.concat("/properties/").concat(escape(name))));
        }
        Map<KeyPattern, SchemaNode> patterns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map(schema, "patternProperties", location).entrySet()) {
            String regex = String.valueOf(entry.getKey());
            patterns.put(pattern(regex, location.concat("/patternProperties")),
                    node(entry.getValue(), location.concat("/patternProperties/").concat(escape(regex))));
        }
        Object additional = schema.get("additionalProperties");
        ObjectCheck.Additional rule;
        if (additional == null || Boolean.TRUE.equals(additional)) {
            rule = new ObjectCheck.Additional.Allowed();
        } else if (Boolean.FALSE.equals(additional)) {
            rule = new ObjectCheck.Additional.Forbidden();
        } else {
            SchemaNode node = node(additional, location.concat("/additionalProperties"));
            rule = node.acceptsEverything()
                    ? new ObjectCheck.Additional.Allowed()
                    : new ObjectCheck.Additional.Schema(node);
        }
        return new ObjectCheck(required, properties, patterns, rule);
    }

    private static List<Object> requiredNames(Map<?, ?> schema, String location) {
        return schema.containsKey("required") ? list(schema.get("required"), location.concat("/required")) : List.of();
    }

    private void linkRefs() {
        for (int i = 0; i < refs.size(); i++) { // linking may compile new schemas, which add refs
            RefCheck ref = refs.get(i);
            ref.link(node(resolve(ref.target()), ref.target()));
        }
    }

    /** The value at a {@code #/a/b} pointer of the document. */
    private Object resolve(String pointer) {
        Object current = document;
        if (pointer.equals("#")) {
            return current;
        }
        for (String token : pointer.substring(2).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map && map.containsKey(name)) {
                current = map.get(name);
            } else if (current instanceof List<?> list && index(name) >= 0 && index(name) < list.size()) {
                current = list.get(index(name));
            } else {
                throw new IllegalArgumentException("schema: $ref " + pointer + " points to nothing");
            }
        }
        return current;
    }

    /** A JSON pointer array index (no sign, no leading zero), or -1. */
    private static int index(String token) {
        if (token.isEmpty() || token.length() > 9 || token.length() > 1 && token.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private static String refTarget(Object ref, String location) {
        if (!(ref instanceof String s) || !(s.equals("#") || s.startsWith("#/"))) {
            throw invalid(location + "/$ref", "only references within the document (#/…) are supported: " + ref);
        }
        return percentDecode(s);
    }

    private static List<JsonType> types(Object type, String location) {
        List<Object> names = type instanceof List<?> ? list(type, location) : List.of(type);
        List<JsonType> types = new ArrayList<>(names.size());
        for (Object name : names) {
            JsonType t = name instanceof String s ? JsonType.named(s) : null;
            if (t == null) {
                throw invalid(location + "/type", "unknown type " + name);
            }
            types.add(t);
        }
        if (types.isEmpty()) {
            throw invalid(location + "/type", "must name at least one type");
        }
        return types;
    }

    /** A bound as a double (exact for the small integers schemas use), or NaN when absent. */
    private static double number(Map<?, ?> schema, String keyword, String location) {
        Object value = schema.get(keyword);
        if (value == null) {
            return Double.NaN;
        }
        double d = JsonType.of(value) == JsonType.NUMBER ? ((Number) value).doubleValue() : Double.NaN;
        if (!Double.isFinite(d)) {
            throw invalid(location + "/" + keyword, "must be a finite number");
        }
        return d;
    }

    private static KeyPattern pattern(String regex, String location) {
        try {
            return KeyPattern.compile(regex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema at " + location + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String location) {
        if (!(value instanceof List<?>)) {
            throw invalid(location, "must be an array");
        }
        return (List<Object>) value;
    }

    private static Map<?, ?> map(Map<?, ?> schema, String keyword, String location) {
        Object value = schema.get(keyword);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(location + "/" + keyword, "must be an object");
        }
        return map;
    }

    static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String location, String problem) {
        return new IllegalArgumentException("schema at " + location + ": " + problem);
    }
}
