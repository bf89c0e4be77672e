package io.berth.cli;

import java.util.Map;

/**
 * How {@code berth config --variables} prints: docker compose's table (columns NAME, REQUIRED, DEFAULT VALUE,
 * ALTERNATE VALUE, laid out as Go's tabwriter does with a minimum width of 20 and a padding of 3), or with
 * {@code --format json} one JSON object per variable and line, or with {@code --format yaml} a YAML map by name.
 * Variables come sorted by name (docker compose prints them in Go's random map order).
 */
final class VariablesTable {
    private static final int MIN_WIDTH = 20;
    private static final int PADDING = 3;

    private VariablesTable() {
    }

    static String render(Map<String, Variables.Variable> variables, ConfigCommand.Format format) {
        if (format == ConfigCommand.Format.json) {
            StringBuilder sb = new StringBuilder();
            variables.values().forEach(v -> sb.append("{\"Name\":").append(Json.string(v.name()))
                    .append(",\"DefaultValue\":").append(Json.string(v.defaultValue()))
                    .append(",\"PresenceValue\":").append(Json.string(v.presenceValue()))
                    .append(",\"Required\":").append(v.required()).append("}\n"));
            return sb.toString();
        }
        if (format == ConfigCommand.Format.yaml) {
            StringBuilder sb = new StringBuilder();
            variables.values().forEach(v -> sb.append(v.name()).append(":\n")
                    .append("    name: ").append(Json.string(v.name())).append('\n')
                    .append("    defaultvalue: ").append(Json.string(v.defaultValue())).append('\n')
                    .append("    presencevalue: ").append(Json.string(v.presenceValue())).append('\n')
                    .append("    required: ").append(v.required()).append('\n'));
            return sb.toString();
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
