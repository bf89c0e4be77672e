package io.berth.compose.internal.yaml;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.tree.TreePath;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads compose YAML into generic trees the way compose-go (go-yaml) does: plain scalars resolved with go-yaml's
 * rules (only {@code true/false} are booleans, {@code 0755} is octal, {@code _} allowed in numbers, timestamps stay
 * strings), anchors and aliases, merge keys {@code <<}, duplicate keys refused, {@code !reset} and
 * {@code !override} recorded. Every value's position goes into the {@link SourceMap}.
 */
public final class YamlReader {
    private static final int MAX_NODE_VISITS = 1_000_000;
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final String RESET = "!reset";
    private static final String OVERRIDE = "!override";

    private final String file;
    private final SourceMap sourceMap;
    private final List<TreePath> resetPaths = new ArrayList<>();
    private final IdentityHashMap<Node, TreePath> inProgress = new IdentityHashMap<>();
    private int visits;

    private YamlReader(String file, SourceMap sourceMap) {
        this.file = file;
        this.sourceMap = sourceMap;
    }

    /** Parses every document of {@code content}. Empty documents are skipped. */
    public static List<YamlDocument> read(String content, String file, SourceMap sourceMap) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        List<YamlDocument> docs = new ArrayList<>();
        try {
            for (Node root : new Compose(settings).composeAllFromString(content)) {
                if (root == null) {
                    continue;
                }
                YamlReader r = new YamlReader(file, sourceMap);
                Object tree;
                try {
                    tree = r.convert(root, TreePath.ROOT);
                } catch (NonStringKey e) {
                    String in = locate(root, e.key, "", new IdentityHashMap<>());
                    Object key = resolvePlain(e.key.getValue());
                    throw new ComposeException(r.where(e.key), "non-string key " + (in == null || in.isEmpty()
                            ? "at top level" : "in " + in) + ": " + (key == null ? "<nil>"
                            : key instanceof Double d ? io.berth.compose.internal.tree.Trees.sprint(d) : key));
                }
                if (tree == null) {
                    continue;
                }
                if (!(tree instanceof Map<?, ?>)) {
                    throw new ComposeException(file, file + ": top-level object must be a mapping");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) tree;
                docs.add(new YamlDocument(m, r.resetPaths));
            }
        } catch (MarkedYamlEngineException e) {
            throw new ComposeException(position(file, e), "failed to parse " + file + ": " + describe(e), e);
        } catch (YamlEngineException e) {
            throw new ComposeException(file, "failed to parse " + file + ": " + e.getMessage(), e);
        }
        return docs;
    }

    private static String position(String file, MarkedYamlEngineException e) {
        return e.getProblemMark().map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
    }

    private static String describe(MarkedYamlEngineException e) {
        StringBuilder sb = new StringBuilder();
        String problem = e.getProblem();
        e.getProblemMark().ifPresent(m -> sb.append("line ").append(m.getLine() + 1).append(", column ")
                .append(m.getColumn() + 1).append(": "));
        sb.append(problem == null ? "invalid YAML" : problem);
        if (e.getContext() != null && !e.getContext().isEmpty()) {
            sb.append(" (").append(e.getContext());
            e.getContextMark().ifPresent(m -> sb.append(" at line ").append(m.getLine() + 1));
            sb.append(')');
        }
        if (problem != null && (problem.contains("found character '\\t'") || problem.contains("(TAB)"))) {
            // go-yaml's wording, which users search for: tabs are not allowed for indentation, use spaces
            sb.append(": found a tab character that violates indentation");
        } else if (problem != null) {
            String go = goYamlProblem(problem, e.getContext());
            if (go != null) {
                sb.append(": ").append(go);
            }
        }
        return sb.toString();
    }

    /** What go-yaml (docker compose's parser) says for the same problem, which is what users search for. */
    private static String goYamlProblem(String problem, String context) {
        String ctx = context == null ? "" : context;
        if (problem.startsWith("expected <block end>")) {
            return ctx.contains("block collection") ? "did not find expected '-' indicator"
                    : "did not find expected key";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("found undefined alias")) {
            return "unknown anchor '" + problem.substring("found undefined alias".length()).trim() + "' referenced";
        }
        return null;
    }

    private Object convert(Node node, TreePath path) {
        if (++visits > MAX_NODE_VISITS) {
            throw new ComposeException(file, file + ": compose file exceeds the maximum node visit limit ("
                    + MAX_NODE_VISITS + "): check for alias expansion loops");
        }
        String tag = node.getTag().getValue();
        if (RESET.equals(tag)) {
            resetPaths.add(path);
            return Skip.INSTANCE;
        }
        if (OVERRIDE.equals(tag)) {
            resetPaths.add(path);
        }
        node.getStartMark().ifPresent(m -> sourceMap.put(path, pos(m)));
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (inProgress.containsKey(node)) {
            throw new ComposeException(where(node), where(node) + ": cycle detected: node at path " + path
                    + " references node at path " + inProgress.get(node) + " through an alias");
        }
        inProgress.put(node, path);
        try {
            if (node instanceof SequenceNode seq) {
                List<Object> out = new ArrayList<>(seq.getValue().size());
                int i = 0;
                for (Node item : seq.getValue()) {
                    Object v = convert(item, path.next(i));
                    if (v != Skip.INSTANCE) {
                        out.add(v);
                        i++;
                    }
                }
                return out;
            }
            return mapping((MappingNode) node, path);
        } finally {
            inProgress.remove(node);
        }
    }

    private Map<String, Object> mapping(MappingNode node, TreePath path) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<Node> merges = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (k instanceof ScalarNode ks && ks.getScalarStyle() == ScalarStyle.PLAIN && "<<".equals(ks.getValue())) {
                merges.add(t.getValueNode());
                continue;
            }
            if (!(k instanceof ScalarNode ks)) {
                throw new ComposeException(where(k), where(k) + ": non-string key in " + (path.size() == 0
                        ? "top level" : path.toString()) + ": mapping keys must be strings");
            }
            if (!isStringKey(ks)) {
                throw new NonStringKey(ks);
            }
            String key = keyString(ks);
            int line = ks.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            Integer seen = lines.putIfAbsent(key, line);
            if (seen != null) {
                throw new ComposeException(file + ":" + line, file + ": line " + line + ": mapping key \"" + key
                        + "\" already defined at line " + seen);
            }
            Object v = convert(t.getValueNode(), path.next(key));
            if (v != Skip.INSTANCE) {
                out.put(key, v);
            }
        }
        // merge keys fill in what the mapping does not set itself; earlier merge sources win over later ones
        for (Node m : merges) {
            List<Node> sources = m instanceof SequenceNode s ? s.getValue() : List.of(m);
            for (Node src : sources) {
                Object merged = convert(src, path);
                if (!(merged instanceof Map<?, ?> mm)) {
                    throw new ComposeException(where(src), where(src) + ": map merge requires map or sequence "
                            + "of maps as the value of <<");
                }
                mm.forEach((key, value) -> out.putIfAbsent((String) key, value));
            }
        }
        return out;
    }

    /** go-yaml decodes a mapping with any key that does not resolve to a string as a map compose-go refuses. */
    private boolean isStringKey(ScalarNode ks) {
        return scalar(ks) instanceof String;
    }

    /** compose-go's path to the mapping holding {@code key}: {@code a.b[0].c}, or null when not under here. */
    private static String locate(Node n, Node key, String prefix, IdentityHashMap<Node, Boolean> seen) {
        if (seen.put(n, Boolean.TRUE) != null) {
            return null;
        }
        if (n instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                String found = locate(seq.getValue().get(i), key, prefix + "[" + i + "]", seen);
                if (found != null) {
                    return found;
                }
            }
        } else if (n instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() == key) {
                    return prefix;
                }
                String k = t.getKeyNode() instanceof ScalarNode ks ? ks.getValue() : "?";
                String found = locate(t.getValueNode(), key, prefix.isEmpty() ? k : prefix + "." + k, seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A mapping key that is not a string (an int, a bool, null...): compose-go refuses the file. */
    private static final class NonStringKey extends RuntimeException {
        private final transient ScalarNode key;

        NonStringKey(ScalarNode key) {
            super(null, null, false, false);
            this.key = key;
        }
    }

    private String keyString(ScalarNode ks) {
        Object v = scalar(ks);
        return v == null ? "null" : v instanceof Double d ? io.berth.compose.internal.tree.Trees.sprint(d)
                : v.toString();
    }

    private Object scalar(ScalarNode s) {
        String v = s.getValue();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return v;
        }
        String tag = s.getTag().getValue();
        if (tag.equals("tag:yaml.org,2002:str") && !v.isEmpty() && !looksResolvable(v)) {
            return v;
        }
        return resolvePlain(v);
    }

    private static boolean looksResolvable(String v) {
        char c = v.charAt(0);
        return "~nNtTfF.+-0123456789".indexOf(c) >= 0;
    }

    /** go-yaml's resolution of a plain scalar. */
    static Object resolvePlain(String in) {
        switch (in) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            default:
                break;
        }
        char c = in.charAt(0);
        if ("+-.0123456789".indexOf(c) < 0) {
            return in;
        }
        String plain = in.replace("_", "");
        Long l = parseGoInt(plain);
        if (l != null) {
            return l;
        }
        if (FLOAT.matcher(plain).matches()) {
            try {
                return Double.parseDouble(plain);
            } catch (NumberFormatException e) {
                return in;
            }
        }
        return in;
    }

    /** strconv.ParseInt(s, 0, 64): optional sign, 0x / 0o / 0b / leading-0 octal prefixes. */
    static Long parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String body = s;
        if (body.charAt(0) == '+' || body.charAt(0) == '-') {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = body;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = body.substring(2);
            } else {
                radix = 8;
                digits = body.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        try {
            BigInteger b = new BigInteger(digits, radix);
            if (neg) {
                b = b.negate();
            }
            return b.bitLength() < 64 ? b.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SourceMap.Position pos(Mark m) {
        return new SourceMap.Position(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private String where(Node n) {
        return n.getStartMark().map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(file);
    }

    /** Marks a value removed by {@code !reset}. */
    private enum Skip { INSTANCE }
}
