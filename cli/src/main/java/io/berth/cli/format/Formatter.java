package io.berth.cli.format;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Docker's {@code --format} for listings: empty or {@code table} → the command's default table;
 * {@code table TEMPLATE} → a header (each field's docker header name) and aligned rows; {@code json} → one JSON
 * object per line; anything else → the template, once per row. Literal {@code \t} and {@code \n} in the format are
 * turned into tab and newline, as docker does.
 */
public final class Formatter {
    private final boolean table;
    private final boolean json;
    private final Template template;

    private Formatter(boolean table, boolean json, Template template) {
        this.table = table;
        this.json = json;
        this.template = template;
    }

    /** The formatter for {@code format} (may be null), with {@code defaultTable} for a bare or absent format. */
    public static Formatter of(String format, String defaultTable) {
        String f = format == null ? "" : format;
        if (f.isEmpty() || f.equals("table")) {
            String d = defaultTable.startsWith("table ") ? defaultTable.substring("table ".length()) : defaultTable;
            return new Formatter(true, false, Template.parse(escapes(d.strip())));
        }
        if (f.equals("json")) {
            return new Formatter(false, true, null);
        }
        if (f.startsWith("table ")) {
            return new Formatter(true, false, Template.parse(escapes(f.substring("table ".length()).strip())));
        }
        return new Formatter(false, false, Template.parse(escapes(f.strip())));
    }

    private static String escapes(String f) {
        return f.replace("\\t", "\t").replace("\\n", "\n");
    }

    public boolean isTable() {
        return table;
    }

    /** The rows, formatted; {@code header} names each field's column (docker's header names). */
    public String render(List<?> rows, Function<String, String> header) {
        StringBuilder out = new StringBuilder();
        if (json) {
            for (Object row : rows) {
                out.append(TemplateFunctions.json(row)).append('\n');
            }
            return out.toString();
        }
        if (table) {
            out.append(template.execute(new Header(header))).append('\n');
        }
        for (Object row : rows) {
            out.append(template.execute(row)).append('\n');
        }
        return table ? TabWriter.docker().align(out.toString()) : out.toString();
    }

    /** Executes the template once on {@code data} (inspect's {@code -f}), without a trailing newline. */
    public static String once(String format, Object data) {
        return Template.parse(format).execute(data);
    }

    /** A value printed as {@code {{json .}}} would. */
    public static String json(Object value) {
        return TemplateFunctions.json(value);
    }

    /** The header row's data: every field answers with its column name. */
    private record Header(Function<String, String> names) implements TemplateObject {
        @Override
        public Object field(String name, List<Object> args) {
            return names.apply(name);
        }

        @Override
        public Map<String, Object> json() {
            return Map.of();
        }
    }
}
