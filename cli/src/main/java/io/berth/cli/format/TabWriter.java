package io.berth.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as docker configures it for tables ({@code minwidth 10, tabwidth 1, padding 3,
 * padchar ' '}): every tab-terminated cell is padded to its column's width; the text after a line's last tab is
 * not. A column's width is taken over the run of consecutive lines that have that cell, as Go does.
 */
public final class TabWriter {
    private final int minWidth;
    private final int padding;

    public TabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** Docker's table settings. */
    public static TabWriter docker() {
        return new TabWriter(10, 3);
    }

    /** Aligns {@code text} (lines separated by '\n', cells by '\t'). */
    public String align(String text) {
        String[] lines = text.split("\n", -1);
        List<String[]> cells = new ArrayList<>(lines.length);
        for (String line : lines) {
            cells.add(line.split("\t", -1));
        }
        int[][] widths = new int[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            widths[i] = new int[Math.max(0, cells.get(i).length - 1)];
        }
        int maxCols = 0;
        for (String[] c : cells) {
            maxCols = Math.max(maxCols, c.length - 1);
        }
        for (int col = 0; col < maxCols; col++) {
            int runStart = -1;
            for (int i = 0; i <= lines.length; i++) {
                boolean has = i < lines.length && cells.get(i).length - 1 > col;
                if (has && runStart < 0) {
                    runStart = i;
                } else if (!has && runStart >= 0) {
                    int width = minWidth;
                    for (int j = runStart; j < i; j++) {
                        width = Math.max(width, runes(cells.get(j)[col]) + padding);
                    }
                    for (int j = runStart; j < i; j++) {
                        widths[j][col] = width;
                    }
                    runStart = -1;
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            String[] c = cells.get(i);
            for (int col = 0; col < c.length; col++) {
                out.append(c[col]);
                if (col < c.length - 1) {
                    out.append(" ".repeat(widths[i][col] - runes(c[col])));
                }
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
