package dev.athenaeum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table, printed with aligned columns. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString().replace("|", "\\|"));
        }
        rows.add(r);
        return this;
    }

    @Override
    public String toString() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.max(3, header.get(i).length());
            for (List<String> r : rows) {
                if (i < r.size()) {
                    w[i] = Math.max(w[i], r.get(i).length());
                }
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, w);
        b.append('|');
        for (int x : w) {
            b.append('-').append("-".repeat(x)).append("-|");
        }
        b.append('\n');
        for (List<String> r : rows) {
            line(b, r, w);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        b.append('|');
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            b.append(' ').append(c).append(" ".repeat(w[i] - c.length())).append(" |");
        }
        b.append('\n');
    }

    static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
