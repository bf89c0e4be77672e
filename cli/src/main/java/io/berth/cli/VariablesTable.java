package io.berth.cli;

import io.berth.compose.ConfigRenderer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How {@code berth config --variables} prints: docker compose's table (columns NAME, REQUIRED, DEFAULT VALUE,
 * ALTERNATE VALUE, laid out as Go's tabwriter does with a minimum width of 20 and a padding of 3), or with
 * {@code --format json} a JSON map by name (four-space indent), or with {@code --format yaml} a YAML map by name.
 * Variables come sorted by name (docker compose prints them in Go's random map order).
 */
final class VariablesTable {
    private static final int MIN_WIDTH = 20;
    private static final int PADDING = 3;

    private VariablesTable() {
    }

    static String render(Map<String, Variables.Variable> variables, ConfigCommand.Format format) {
        if (format == ConfigCommand.Format.json) {
            // formatter.Print: a map goes through json.Encoder with a four-space indent, then Fprintln.
            if (variables.isEmpty()) {
                return "{}\n\n";
            }
            StringJoiner entries = new StringJoiner(",\n", "{\n", "\n}\n\n");
            variables.values().forEach(v -> entries.add("    " + Json.string(v.name()) + ": {\n"
                    + "        \"Name\": " + Json.string(v.name()) + ",\n"
                    + "        \"DefaultValue\": " + Json.string(v.defaultValue()) + ",\n"
                    + "        \"PresenceValue\": " + Json.string(v.presenceValue()) + ",\n"
                    + "        \"Required\": " + v.required() + "\n"
                    + "    }"));
            return entries.toString();
        }
        if (format == ConfigCommand.Format.yaml) {
            // yaml.Marshal of map[string]template.Variable: struct fields lower-cased, four-space indent.
            Map<String, Object> tree = new LinkedHashMap<>();
            variables.values().forEach(v -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("name", v.name());
                fields.put("defaultvalue", v.defaultValue());
                fields.put("presencevalue", v.presenceValue());
                fields.put("required", v.required());
                tree.put(v.name(), fields);
            });
            return ConfigRenderer.goYaml(tree);
        }
        int[] widths = {"NAME".length(), "REQUIRED".length(), "DEFAULT VALUE".length()};
        for (Variables.Variable v : variables.values()) {
            widths[0] = Math.max(widths[0], v.name().length());
            widths[1] = Math.max(widths[1], String.valueOf(v.required()).length());
            widths[2] = Math.max(widths[2], v.defaultValue().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, widths, "NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE");
        for (Variables.Variable v : variables.values()) {
            row(sb, widths, v.name(), String.valueOf(v.required()), v.defaultValue(), v.presenceValue());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int[] widths, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < widths.length) {
                sb.append(" ".repeat(Math.max(MIN_WIDTH, widths[i] + PADDING) - cells[i].length()));
            }
        }
        sb.append('\n');
    }
}
