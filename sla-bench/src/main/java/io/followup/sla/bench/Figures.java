package io.followup.sla.bench;

import io.followup.sla.bench.BenchReport.Row;
import io.followup.sla.bench.BenchReport.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns the measurements of a run into the report's rows, each beside its target. */
final class Figures {

  static final double MIN_THROUGHPUT_RATIO = 0.5;
  static final double MAX_BYTES_PER_EVENT = 400;
  static final double MAX_STATE_BYTES_PER_LEAD = 300;
  static final double MAX_RESIDENT_MIB = 1024;
  static final int RESIDENT_TARGET_LEADS = 1_000_000;
  static final double MAX_IDLE_GROWTH = 1.5;
  static final double MAX_REPLAY_SECONDS = 10;
  static final int REPLAY_TARGET_EVENTS = 1_000_000;

  private Figures() {}

  static List<Row> rows(
      Map<LiveApp.Kind, LiveRun.Result> live,
      Map<LiveApp.Kind, List<OpenLeadsRun.Result>> open,
      List<ReplayRun.Pair> replays) {
    List<Row> rows = new ArrayList<>();
    LiveRun.Result engine = live.get(LiveApp.Kind.ENGINE);
    LiveRun.Result bare = live.get(LiveApp.Kind.BARE);
    double throughputRatio = engine.coldEventsPerSecond() / bare.coldEventsPerSecond();
    rows.add(
        new Row(
            String.format("live throughput, %,d lead events (cold: from start)", engine.events()),
            engine.coldEventsPerSecond(),
            bare.coldEventsPerSecond(),
            Unit.EVENTS_PER_SECOND,
            "≥ 0.5x bare",
            throughputRatio >= MIN_THROUGHPUT_RATIO));
    // The target is the cold figure's: the warm one says how much of the gap is warm-up.
    rows.add(
        new Row(
            String.format("live throughput, %,d more lead events (warm: running)", engine.events()),
            engine.warmEventsPerSecond(),
            bare.warmEventsPerSecond(),
            Unit.EVENTS_PER_SECOND,
            "",
            null));
    rows.add(
        new Row(
            "Kafka bytes written per input event",
            engine.bytesPerEvent(),
            bare.bytesPerEvent(),
            Unit.BYTES,
            "≤ 400 B",
            engine.bytesPerEvent() <= MAX_BYTES_PER_EVENT));

    List<OpenLeadsRun.Result> e = open.get(LiveApp.Kind.ENGINE);
    List<OpenLeadsRun.Result> b = open.get(LiveApp.Kind.BARE);
    for (int i = 0; i < e.size(); i++) {
      double perLead = e.get(i).stateBytesPerLead();
      rows.add(
          new Row(
              String.format("state bytes per open lead, %,d open leads", e.get(i).openLeads()),
              perLead,
              b.get(i).stateBytesPerLead(),
              Unit.BYTES,
              "≤ 300 B",
              perLead <= MAX_STATE_BYTES_PER_LEAD));
    }
    for (int i = 0; i < e.size(); i++) {
      double mib = e.get(i).residentBytes() / (double) (1 << 20);
      rows.add(
          new Row(
              String.format("resident memory (RSS), %,d open leads", e.get(i).openLeads()),
              mib,
              b.get(i).residentBytes() / (double) (1 << 20),
              Unit.MEBIBYTES,
              "≤ 1 GiB at 1M",
              e.get(i).openLeads() == RESIDENT_TARGET_LEADS ? mib <= MAX_RESIDENT_MIB : null));
    }
    growth(
        rows,
        e,
        b,
        "stream thread CPU, nothing due (punctuation)",
        OpenLeadsRun.Result::streamThreadMillisPerSecond,
        Unit.MILLIS_PER_SECOND);
    growth(
        rows,
        e,
        b,
        "idle CPU of the process",
        OpenLeadsRun.Result::idleCpuPercent,
        Unit.PERCENT_OF_CORE);

    for (ReplayRun.Pair pair : replays) {
      long events = pair.replay().events();
      boolean atTarget = events == REPLAY_TARGET_EVENTS;
      rows.add(
          new Row(
              String.format("replay of %,d events, incl. JVM start", events),
              pair.replay().eventsPerSecond(),
              pair.parse().eventsPerSecond(),
              Unit.EVENTS_PER_SECOND,
              "",
              null));
      rows.add(
          new Row(
              String.format("replay of %,d events, wall time incl. JVM start", events),
              pair.replay().seconds(),
              pair.parse().seconds(),
              Unit.SECONDS,
              "≤ 10 s at 1M",
              atTarget ? pair.replay().seconds() <= MAX_REPLAY_SECONDS : null));
      double mib = pair.replay().peakResidentBytes() / (double) (1 << 20);
      rows.add(
          new Row(
              String.format("replay of %,d events, peak RSS", events),
              mib,
              pair.parse().peakResidentBytes() / (double) (1 << 20),
              Unit.MEBIBYTES,
              "≤ 1 GiB at 1M",
              atTarget ? mib <= MAX_RESIDENT_MIB : null));
    }
    return rows;
  }

  /** One row per size, then the largest size against the smallest, which should stay flat. */
  private static void growth(
      List<Row> rows,
      List<OpenLeadsRun.Result> engine,
      List<OpenLeadsRun.Result> bare,
      String figure,
      ToDoubleFunction<OpenLeadsRun.Result> value,
      Unit unit) {
    for (int i = 0; i < engine.size(); i++) {
      rows.add(
          new Row(
              String.format("%s, %,d open leads", figure, engine.get(i).openLeads()),
              value.applyAsDouble(engine.get(i)),
              value.applyAsDouble(bare.get(i)),
              unit,
              "",
              null));
    }
    if (engine.size() < 2) {
      return;
    }
    int last = engine.size() - 1;
    double engineGrowth =
        value.applyAsDouble(engine.get(last)) / value.applyAsDouble(engine.get(0));
    double bareGrowth = value.applyAsDouble(bare.get(last)) / value.applyAsDouble(bare.get(0));
    rows.add(
        new Row(
            String.format(
                "%s, %,d vs %,d open leads",
                figure, engine.get(last).openLeads(), engine.get(0).openLeads()),
            engineGrowth,
            bareGrowth,
            Unit.TIMES,
            "flat: ≤ 1.5x",
            engineGrowth <= MAX_IDLE_GROWTH));
  }

  /** How each figure was taken, printed under the table. */
  static List<String> notes() {
    return List.of(
        "Baseline of the live figures: a Kafka Streams app over the same four topics that counts"
            + " records per key in a persistent store (RocksDB, changelogged, no cache) with an"
            + " empty 1 s wall-clock punctuator, exactly-once v2, values not decoded.",
        "Throughput, cold: the generated history's lead events (Avro, Confluent wire format),"
            + " the same bytes for both, each app alone on its own copy of the topics, timed from"
            + " RUNNING until the group's lag is 0 on every topic it reads (the engine's"
            + " buying-group and team-clocks topics too), as after a restart: JIT compilation"
            + " included. Clocks of the history already past their deadline fire at once, as after"
            + " an outage.",
        "Throughput, warm: once caught up and idle for the settle time, the same app gets as many"
            + " events again for new leads (the same story under other ids, the same bytes for"
            + " both apps, encoded beforehand), timed from the first record sent until lag 0"
            + " again, as a running app keeping up; no target.",
        "Bytes written: the size on the broker's disk of every topic the app writes (sinks,"
            + " changelogs, the buying-group and team-clocks topics) after the cold batch, divided"
            + " by its events; the shared __consumer_offsets and __transaction_state are left out.",
        "Open leads: leads created now with an owner, in buying groups of 7, whose SLAs run for"
            + " hours, so nothing comes due. State: the app's state directory after a clean stop"
            + " divided by the open leads. RSS: VmRSS after catching up and idling.",
        "Idle cost: CPU from /proc/<pid>/task/*/schedstat over "
            + "an idle window; the stream thread is the one that runs the punctuators (Kafka's"
            + " punctuate-latency metric counts whole milliseconds, too coarse here).",
        "Replay: `./sla replay` of the first N records of `./sla generate-history`'s default year,"
            + " run through the launcher as a user runs it (after one small untimed replay that"
            + " writes its class archive), from launch to exit; baseline: the same file parsed line"
            + " by line with Jackson in a JVM of its own. Peak RSS from time(1) or VmHWM.");
  }
}
