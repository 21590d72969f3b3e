package io.followup.sla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.cli.SlaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sla bench --quick} through the CLI, as a person runs it: the command is found on the
 * classpath, the run completes against its own broker and child JVMs, and every figure is there for
 * both apps, a positive number, the warm live throughput beside the cold one. No figure is held to
 * a time or a target: this proves the bench measures, not how fast anything is.
 */
class BenchIT {

  private static final Pattern NUMBER = Pattern.compile("^-?[0-9][0-9,]*(\\.[0-9]+)?");

  @TempDir Path dir;

  @Test
  void aQuickRunMeasuresEveryFigureForBothApps() throws Exception {
    Path markdown = dir.resolve("bench.md");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        SlaCommand.execute(
            new String[] {"bench", "--quick", "--out", markdown.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exit).as("exit code; stderr:%n%s", err).isZero();
    assertThat(out.toString()).contains("figure", "engine", "baseline", "live throughput");
    List<List<String>> rows = tableRows(Files.readString(markdown, StandardCharsets.UTF_8));

    BenchPlan plan = BenchPlan.quick();
    int sizes = plan.openLeads().size();
    Map<String, Long> expected =
        Map.of(
            "live throughput",
            2L,
            "Kafka bytes written per input event",
            1L,
            "state bytes per open lead",
            (long) sizes,
            "resident memory (RSS)",
            (long) sizes,
            "stream thread CPU, nothing due",
            sizes + 1L,
            "idle CPU of the process",
            sizes + 1L,
            "replay of",
            3L * plan.replayEvents().size());
    Map<String, Long> found =
        expected.keySet().stream()
            .collect(
                Collectors.toMap(
                    prefix -> prefix,
                    prefix -> rows.stream().filter(r -> r.get(0).startsWith(prefix)).count()));
    assertThat(found).isEqualTo(expected);
    assertThat(rows).hasSize(expected.values().stream().mapToInt(Long::intValue).sum());

    List<String> warm =
        rows.stream()
            .filter(r -> r.get(0).startsWith("live throughput") && r.get(0).contains("(warm"))
            .findFirst()
            .orElseThrow();
    assertThat(warm.get(0)).contains(String.format("%,d more lead events", plan.liveEvents()));
    assertThat(warm.get(4)).as("the warm figure's target").isEmpty();

    for (List<String> row : rows) {
      assertThat(number(row.get(1))).as("engine's %s", row.get(0)).isPositive();
      assertThat(number(row.get(2))).as("baseline's %s", row.get(0)).isPositive();
      assertThat(number(row.get(3))).as("ratio of %s", row.get(0)).isPositive();
    }
  }

  /** The cells of the Markdown table's body rows. */
  private static List<List<String>> tableRows(String markdown) {
    return markdown
        .lines()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| figure") && !l.startsWith("| ---"))
        .map(
            l ->
                Arrays.stream(l.substring(1, l.length() - 1).split("\\|", -1))
                    .map(String::trim)
                    .toList())
        .toList();
  }

  private static double number(String cell) {
    Matcher m = NUMBER.matcher(cell);
    assertThat(m.find()).as("a number in '%s'", cell).isTrue();
    return Double.parseDouble(m.group().replace(",", ""));
  }
}
