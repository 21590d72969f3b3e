package io.followup.sla.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's answer: one row per figure with the engine's value, the baseline's, their ratio, the
 * target and whether the engine meets it. Prints as an aligned table for a terminal or as Markdown.
 * Targets are reported, never enforced: a missed target is a finding, not a failure.
 */
final class BenchReport {

  /** How a value reads. */
  enum Unit {
    EVENTS_PER_SECOND("%,.0f events/s"),
    BYTES("%,.0f B"),
    MEBIBYTES("%,.0f MiB"),
    PERCENT_OF_CORE("%.2f %% of a core"),
    MILLIS_PER_SECOND("%.2f ms/s"),
    TIMES("%.2fx"),
    SECONDS("%.1f s");

    private final String format;

    Unit(String format) {
      this.format = format;
    }

    String format(double value) {
      return String.format(Locale.ROOT, format, value);
    }
  }

  /**
   * One figure.
   *
   * @param target what the engine should do, as a person reads it; empty for none
   * @param met whether the engine meets the target; null where there is none
   */
  record Row(String figure, double engine, double baseline, Unit unit, String target, Boolean met) {

    double ratio() {
      return engine / baseline;
    }

    List<String> cells() {
      return List.of(
          figure,
          unit.format(engine),
          unit.format(baseline),
          String.format(Locale.ROOT, "%.2fx", ratio()),
          target,
          met == null ? "" : met ? "yes" : "NO");
    }
  }

  static final List<String> HEADER =
      List.of("figure", "engine", "baseline", "engine/baseline", "target", "met");

  private final String title;
  private final List<String> context;
  private final List<Row> rows;
  private final List<String> notes;

  BenchReport(String title, List<String> context, List<Row> rows, List<String> notes) {
    this.title = title;
    this.context = List.copyOf(context);
    this.rows = List.copyOf(rows);
    this.notes = List.copyOf(notes);
  }

  List<Row> rows() {
    return rows;
  }

  /** Aligned columns for a terminal. */
  String text() {
    List<List<String>> table = new ArrayList<>();
    table.add(HEADER);
    rows.forEach(r -> table.add(r.cells()));
    int[] widths = new int[HEADER.size()];
    for (List<String> line : table) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    context.forEach(c -> out.append(c).append('\n'));
    out.append('\n');
    for (int l = 0; l < table.size(); l++) {
      List<String> line = table.get(l);
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        boolean number = i > 0 && i < 4;
        String padded =
            number && l > 0
                ? " ".repeat(widths[i] - cell.length()) + cell
                : cell + " ".repeat(widths[i] - cell.length());
        out.append(padded).append(i < line.size() - 1 ? "  " : "");
      }
      out.append('\n');
      if (l == 0) {
        for (int i = 0; i < widths.length; i++) {
          out.append("-".repeat(widths[i])).append(i < widths.length - 1 ? "  " : "");
        }
        out.append('\n');
      }
    }
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }

  /** The same as a Markdown document. */
  String markdown() {
    StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
    context.forEach(c -> out.append(c).append("  \n"));
    out.append('\n');
    out.append(markdownLine(HEADER));
    out.append("| --- | ---: | ---: | ---: | --- | --- |\n");
    rows.forEach(r -> out.append(markdownLine(r.cells())));
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }

  private static String markdownLine(List<String> cells) {
    return "| "
        + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())
        + " |\n";
  }
}
