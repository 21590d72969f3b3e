package io.followup.sla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.bench.BenchReport.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each figure beside its target: met, missed, or not applicable at that size. */
class FiguresTest {

  private static final long MIB = 1 << 20;
  private static final long SECOND = 1_000_000_000L;

  private static OpenLeadsRun.Result open(
      int leads, long stateBytes, long residentMib, long processCpuMs, long threadCpuMs) {
    return new OpenLeadsRun.Result(
        leads,
        stateBytes,
        residentMib * MIB,
        processCpuMs * 1_000_000,
        threadCpuMs * 1_000_000,
        10 * SECOND);
  }

  private static List<Row> rows() {
    Map<LiveApp.Kind, LiveRun.Result> live =
        Map.of(
            // 100,000 events from start in 200 s and 100 s: the engine at 0.5x the bare app;
            // warm in 50 s and 20 s: 0.4x.
            LiveApp.Kind.ENGINE, new LiveRun.Result(100_000, 200 * SECOND, 50_000_000, 50 * SECOND),
            LiveApp.Kind.BARE, new LiveRun.Result(100_000, 100 * SECOND, 2_000_000, 20 * SECOND));
    Map<LiveApp.Kind, List<OpenLeadsRun.Result>> open =
        Map.of(
            LiveApp.Kind.ENGINE,
                List.of(
                    open(10_000, 2_000_000, 300, 200, 100),
                    open(1_000_000, 400_000_000, 1100, 250, 200)),
            LiveApp.Kind.BARE,
                List.of(
                    open(10_000, 500_000, 150, 100, 100),
                    open(1_000_000, 50_000_000, 200, 100, 100)));
    List<ReplayRun.Pair> replays =
        List.of(
            new ReplayRun.Pair(
                new ReplayRun.Result(100_000, 2 * SECOND, 300 * MIB),
                new ReplayRun.Result(100_000, SECOND, 100 * MIB)),
            new ReplayRun.Pair(
                new ReplayRun.Result(1_000_000, 12 * SECOND, 900 * MIB),
                new ReplayRun.Result(1_000_000, 4 * SECOND, 100 * MIB)));
    return Figures.rows(live, open, replays);
  }

  private static Row row(String figure) {
    return rows().stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow();
  }

  @Test
  void coldThroughputIsHeldAgainstHalfTheBareApp() {
    Row throughput = row("live throughput, 100,000 lead events (cold: from start)");
    assertThat(throughput.engine()).isEqualTo(500);
    assertThat(throughput.ratio()).isEqualTo(0.5);
    assertThat(throughput.met()).isTrue();
  }

  @Test
  void warmThroughputIsReportedBesideItWithoutATarget() {
    List<String> figures = rows().stream().map(Row::figure).toList();
    Row warm = row("live throughput, 100,000 more lead events (warm: running)");

    assertThat(figures.indexOf(warm.figure()))
        .isEqualTo(figures.indexOf("live throughput, 100,000 lead events (cold: from start)") + 1);
    assertThat(warm.engine()).isEqualTo(2_000);
    assertThat(warm.baseline()).isEqualTo(5_000);
    assertThat(warm.ratio()).isEqualTo(0.4);
    assertThat(warm.target()).isEmpty();
    assertThat(warm.met()).isNull();
    assertThat(warm.cells())
        .containsExactly(warm.figure(), "2,000 events/s", "5,000 events/s", "0.40x", "", "");
  }

  @Test
  void bytesAndStateAreHeldAgainstTheirBudgets() {
    assertThat(row("Kafka bytes written per input event").engine()).isEqualTo(500);
    assertThat(row("Kafka bytes written per input event").met()).isFalse();
    assertThat(row("state bytes per open lead, 10,000 open leads").engine()).isEqualTo(200);
    assertThat(row("state bytes per open lead, 10,000 open leads").met()).isTrue();
    assertThat(row("state bytes per open lead, 1,000,000 open leads").met()).isFalse();
  }

  @Test
  void memoryAndReplayTargetsApplyAtTheirSizeOnly() {
    assertThat(row("resident memory (RSS), 10,000 open leads").met()).isNull();
    assertThat(row("resident memory (RSS), 1,000,000 open leads").met()).isFalse();
    assertThat(row("replay of 100,000 events, wall time incl. JVM start").met()).isNull();
    assertThat(row("replay of 1,000,000 events, wall time incl. JVM start").met()).isFalse();
    assertThat(row("replay of 1,000,000 events, peak RSS").met()).isTrue();
  }

  @Test
  void idleCostIsComparedBetweenTheLargestAndSmallestSize() {
    Row punctuation =
        row("stream thread CPU, nothing due (punctuation), 1,000,000 vs 10,000 open leads");
    assertThat(punctuation.engine()).isEqualTo(2.0);
    assertThat(punctuation.baseline()).isEqualTo(1.0);
    assertThat(punctuation.met()).isFalse();
    Row idle = row("idle CPU of the process, 1,000,000 vs 10,000 open leads");
    assertThat(idle.engine()).isEqualTo(1.25);
    assertThat(idle.met()).isTrue();
  }

  @Test
  void theMarkdownTableHasOneLinePerFigure() {
    List<Row> rows = rows();
    String markdown = new BenchReport("t", List.of("c"), rows, List.of("n")).markdown();
    // The header and its separator line, then the figures.
    assertThat(markdown.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(rows.size() + 2);
    assertThat(markdown)
        .contains("| live throughput, 100,000 lead events (cold: from start) | 500 events/s |")
        .contains(
            "| live throughput, 100,000 more lead events (warm: running) | 2,000 events/s |"
                + " 5,000 events/s | 0.40x |  |  |");
  }
}
