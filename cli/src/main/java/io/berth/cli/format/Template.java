package io.berth.cli.format;

import io.berth.cli.format.TemplateNode.Action;
import io.berth.cli.format.TemplateNode.Command;
import io.berth.cli.format.TemplateNode.Field;
import io.berth.cli.format.TemplateNode.Function;
import io.berth.cli.format.TemplateNode.If;
import io.berth.cli.format.TemplateNode.Literal;
import io.berth.cli.format.TemplateNode.Operand;
import io.berth.cli.format.TemplateNode.Pipeline;
import io.berth.cli.format.TemplateNode.Range;
import io.berth.cli.format.TemplateNode.Sub;
import io.berth.cli.format.TemplateNode.Text;
import io.berth.cli.format.TemplateNode.Variable;
import io.berth.cli.format.TemplateNode.With;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Go text/template subset, enough for docker's {@code --format} habits: {@code {{.Field}}}, {@code {{.A.B}}},
 * pipelines ({@code {{.Names | upper}}}), {@code {{json .}}}, {@code {{range}}}, {@code {{if}}/{{else if}}/
 * {{else}}}, {@code {{with}}}, variables ({@code {{range $k, $v := .Labels}}}), parentheses, trim markers
 * ({@code {{- ... -}}}), comments, and the functions of docker's templates ({@code json join split title lower
 * upper pad truncate println}) and Go's builtins ({@code index len printf print eq ne lt le gt ge and or not}).
 *
 * <p>Values are maps, lists, strings, numbers, booleans and {@link TemplateObject}s; they print as Go prints them
 * ({@code map[a:b]}, {@code [x y]}, {@code <no value>} for a missing key).
 */
public final class Template {
    private final String source;
    private final List<TemplateNode> nodes;

    private Template(String source, List<TemplateNode> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /** Parses {@code source}; a {@link TemplateException} says what is wrong. */
    public static Template parse(String source) {
        return new Template(source, TemplateParser.parse(source));
    }

    public String source() {
        return source;
    }

    /** Runs the template on {@code data}. */
    public String execute(Object data) {
        StringBuilder out = new StringBuilder();
        new Run(data, out).nodes(nodes, data);
        return out.toString();
    }

    /** One execution: the output, the root and the variable scopes. */
    private final class Run {
        private final Object root;
        private final StringBuilder out;
        private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();

        Run(Object root, StringBuilder out) {
            this.root = root;
            this.out = out;
            scopes.push(new HashMap<>());
        }

        void nodes(List<TemplateNode> list, Object dot) {
            for (TemplateNode n : list) {
                node(n, dot);
            }
        }

        private void node(TemplateNode n, Object dot) {
            switch (n) {
                case Text t -> out.append(t.text());
                case Action a -> {
                    Object v = pipeline(a.pipeline(), dot);
                    if (a.pipeline().declarations().isEmpty()) {
                        out.append(TemplateFunctions.print(v));
                    }
                }
                case If i -> scoped(() -> nodes(TemplateFunctions.truth(pipeline(i.condition(), dot))
                        ? i.then() : i.otherwise(), dot));
                case With w -> scoped(() -> {
                    Object v = pipeline(w.value(), dot);
                    if (TemplateFunctions.truth(v)) {
                        nodes(w.body(), v);
                    } else {
                        nodes(w.otherwise(), dot);
                    }
                });
                case Range r -> scoped(() -> range(r, dot));
            }
        }

        private void scoped(Runnable body) {
            scopes.push(new HashMap<>());
            try {
                body.run();
            } finally {
                scopes.pop();
            }
        }

        private void range(Range r, Object dot) {
            Pipeline p = r.over();
            Pipeline bare = new Pipeline(List.of(), p.commands(), p.source());
            Object over = pipeline(bare, dot);
            List<Object[]> items = new ArrayList<>();
            if (over instanceof Map<?, ?> map) {
                new java.util.TreeMap<>(TemplateFunctions.stringKeys(map)).forEach((k, v) -> items.add(new Object[] {k, v}));
            } else if (over instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    items.add(new Object[] {(long) i, list.get(i)});
                }
            } else if (over instanceof Number n) {
                for (long i = 0; i < n.longValue(); i++) {
                    items.add(new Object[] {i, i});
                }
            } else if (over != null && over != TemplateObject.MISSING) {
                throw new TemplateException("template: range can't iterate over " + TemplateFunctions.print(over));
            }
            if (items.isEmpty()) {
                nodes(r.otherwise(), dot);
                return;
            }
            List<String> decl = p.declarations();
            for (Object[] item : items) {
                scoped(() -> {
                    if (decl.size() == 1) {
                        scopes.peek().put(decl.get(0), item[1]);
                    } else if (decl.size() >= 2) {
                        scopes.peek().put(decl.get(0), item[0]);
                        scopes.peek().put(decl.get(1), item[1]);
                    }
                    nodes(r.body(), item[1]);
                });
            }
        }

        private Object pipeline(Pipeline p, Object dot) {
            Object value = null;
            boolean piped = false;
            for (Command c : p.commands()) {
                value = command(c, dot, piped ? value : null, piped, p);
                piped = true;
            }
            for (String d : p.declarations()) {
                scopes.peek().put(d, value);
            }
            return value;
        }

        private Object command(Command c, Object dot, Object pipedValue, boolean piped, Pipeline p) {
            List<Operand> ops = c.operands();
            Operand first = ops.get(0);
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < ops.size(); i++) {
                args.add(operand(ops.get(i), dot));
            }
            if (piped) {
                args.add(pipedValue);
            }
            if (first instanceof Function f) {
                return TemplateFunctions.call(f.name(), args, p.source());
            }
            if (first instanceof Field field && !field.names().isEmpty() && !args.isEmpty()) {
                List<String> names = field.names();
                Object target = walk(dot, names.subList(0, names.size() - 1), List.of());
                return TemplateFunctions.field(target, names.get(names.size() - 1), args);
            }
            if (!args.isEmpty()) {
                throw new TemplateException("template: executing \"" + p.source() + "\": can't give argument to"
                        + " non-function " + first);
            }
            return operand(first, dot);
        }

        private Object operand(Operand o, Object dot) {
            return switch (o) {
                case Literal l -> l.value();
                case Field f -> walk(dot, f.names(), List.of());
                case Variable v -> walk(variable(v.name()), v.names(), List.of());
                case Sub s -> walk(pipeline(s.pipeline(), dot), s.names(), List.of());
                case Function f -> TemplateFunctions.call(f.name(), List.of(), f.name());
            };
        }

        private Object variable(String name) {
            if (name.equals("$")) {
                return root;
            }
            for (Map<String, Object> scope : scopes) {
                if (scope.containsKey(name)) {
                    return scope.get(name);
                }
            }
            throw new TemplateException("template: undefined variable: " + name);
        }

        private Object walk(Object value, List<String> names, List<Object> args) {
            Object v = value;
            for (String n : names) {
                v = TemplateFunctions.field(v, n, args);
            }
            return v;
        }
    }
}
