package io.followup.sla.report;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.report.ReportModel.AccountCoverage;
import io.followup.sla.report.ReportModel.Bucket;
import io.followup.sla.report.ReportModel.Coverage;
import io.followup.sla.report.ReportModel.FirstTouchTimes;
import io.followup.sla.report.ReportModel.LongBreach;
import io.followup.sla.report.ReportModel.NamedDistribution;
import io.followup.sla.report.ReportModel.Offenders;
import io.followup.sla.report.ReportModel.RepRecord;
import io.followup.sla.report.ReportModel.Row;
import io.followup.sla.report.ReportModel.RuleCompliance;
import io.followup.sla.report.ReportModel.Tally;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.LeadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Collects what a replay report needs while the replay runs: counters per rule, source and rep, one
 * number per first touch, a few facts per lead, and only the longest breaches. Nothing holds whole
 * events or alerts, so a year of history costs memory in proportion to its leads, not its events.
 *
 * <p>Feed it the input events ({@link #accept}, rep profiles included), the driver's alerts ({@link
 * #alerts()}) and clock events ({@link #clockEvents()}); then take the {@link #model}.
 */
public final class ReplayReport {

  static final String UNKNOWN = "(unknown)";

  /** Account-level clocks (buying-group coverage) have no lead source: they span an account. */
  static final String ACCOUNT_LEVEL = "(account)";

  /** How many of the longest-open breaches and of the worst reps the report lists. */
  static final int LONGEST_BREACHES = 10;

  static final int WORST_REPS = 5;

  /** The account table lists the least covered accounts; the totals cover all of them. */
  static final int COVERAGE_ROWS = 20;

  /** Longest first, then by leadId: the order the report lists breaches in. */
  private static final Comparator<LongBreach> LONGEST_FIRST =
      Comparator.comparing(LongBreach::openFor).reversed().thenComparing(LongBreach::leadId);

  private final Policy policy;

  private final Map<String, String> repNames = new HashMap<>();
  private final Map<String, String> accountNames = new HashMap<>();
  private final Map<String, LeadFacts> leads = new HashMap<>();
  private long events;
  private Instant firstEventAt;
  private Instant lastEventAt;

  private final Map<String, Long> alertsByKind = new LinkedHashMap<>();

  private final Map<RuleId, Map<String, Counts>> bySource = new EnumMap<>(RuleId.class);
  private final Map<RuleId, Map<String, Counts>> byRep = new EnumMap<>(RuleId.class);
  private final Map<String, Counts> coverageByAccount = new HashMap<>();
  private final Map<ClockKey, ClockEvent> openClocks = new HashMap<>();
  private final List<TouchSample> firstTouches = new ArrayList<>();

  /** A min-heap of the longest closed breaches: the root is the first to give way. */
  private final PriorityQueue<LongBreach> longestClosed =
      new PriorityQueue<>(LONGEST_FIRST.reversed());

  public ReplayReport(Policy policy) {
    this.policy = policy;
    for (AlertKind kind : AlertKind.values()) {
      alertsByKind.put(kind.name(), 0L);
    }
  }

  private static final class LeadFacts {
    String accountId;
    boolean closed;
    Instant statusAt;
    boolean touched;
  }

  /** Mutable counts of one group; a running clock is counted only when the model is taken. */
  private static final class Counts {
    long met;
    long missed;
    long stopped;

    void add(Counts other) {
      met += other.met;
      missed += other.missed;
      stopped += other.stopped;
    }
  }

  /** Closed counts (or none) plus open clocks: [0] past due, so missed, [1] still running. */
  private static Tally tally(Counts closed, long[] open) {
    Counts c = closed == null ? new Counts() : closed;
    long pastDue = open == null ? 0 : open[0];
    long running = open == null ? 0 : open[1];
    return new Tally(c.met, c.missed + pastDue, c.stopped, running);
  }

  private record ClockKey(RuleId rule, String key) {}

  private record TouchSample(String source, String repId, long millis) {}

  /** The driver's alerts, for {@link io.followup.sla.replay.ReplayDriver}'s constructor. */
  public Consumer<SlaAlert> alerts() {
    return this::onAlert;
  }

  /** The driver's clock events, for {@link io.followup.sla.replay.ReplayDriver}'s constructor. */
  public Consumer<ClockEvent> clockEvents() {
    return this::onClock;
  }

  /**
   * An input event: a rep profile (for names) or a lead event (for the period, counts, accounts and
   * touches); anything else is ignored. Feed lead events in the order the driver gets them.
   */
  public void accept(SpecificRecord event) {
    if (event instanceof RepProfile rep) {
      repNames.put(rep.getRepId(), rep.getName());
      return;
    }
    if (!LeadEvents.isLeadEvent(event)) {
      return;
    }
    events++;
    Instant at = LeadEvents.occurredAt(event);
    firstEventAt = firstEventAt == null || at.isBefore(firstEventAt) ? at : firstEventAt;
    lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    LeadFacts lead = leads.computeIfAbsent(LeadEvents.leadId(event), id -> new LeadFacts());
    if (event instanceof LeadCreated created) {
      if (created.getAccountId() != null) {
        lead.accountId = created.getAccountId();
        if (created.getAccountName() != null) {
          accountNames.put(created.getAccountId(), created.getAccountName());
        }
      }
    } else if (event instanceof LeadStatusChanged changed) {
      // The newest status decides, as in the engine, whatever order the events came in.
      if (lead.statusAt == null || !at.isBefore(lead.statusAt)) {
        lead.statusAt = at;
        lead.closed = LeadStatus.stopsEveryClock(changed.getStatus());
      }
    } else if (event instanceof RepTouched) {
      lead.touched = true;
    }
  }

  void onAlert(SlaAlert alert) {
    alertsByKind.merge(alert.getKind(), 1L, Long::sum);
  }

  void onClock(ClockEvent clock) {
    ClockKey key = new ClockKey(clock.rule(), clock.key());
    if (clock.isStart()) {
      openClocks.put(key, clock);
      return;
    }
    openClocks.remove(key);
    for (Counts counts : groups(clock)) {
      if (clock.breached()) {
        counts.missed++;
      } else if (clock.met()) {
        counts.met++;
      } else {
        counts.stopped++;
      }
    }
    if (clock.rule() == RuleId.FIRST_TOUCH
        && clock.closure() == ClockEvent.Closure.SATISFIED
        && clock.repId() != null) {
      long millis = Duration.between(clock.startedAt(), clock.at()).toMillis();
      firstTouches.add(new TouchSample(sourceOf(clock), clock.repId(), Math.max(0, millis)));
    }
    if (clock.breached()) {
      keepIfLong(breach(clock, clock.at(), false), longestClosed);
    }
  }

  private List<Counts> groups(ClockEvent clock) {
    List<Counts> groups = new ArrayList<>(3);
    groups.add(counts(bySource, clock.rule(), sourceOf(clock)));
    if (clock.repId() != null) {
      groups.add(counts(byRep, clock.rule(), clock.repId()));
    }
    if (clock.rule() == RuleId.BUYING_GROUP_COVERAGE && clock.accountId() != null) {
      groups.add(coverageByAccount.computeIfAbsent(clock.accountId(), a -> new Counts()));
    }
    return groups;
  }

  private static Counts counts(Map<RuleId, Map<String, Counts>> map, RuleId rule, String key) {
    return map.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(key, k -> new Counts());
  }

  private static String sourceOf(ClockEvent clock) {
    if (clock.rule() == RuleId.BUYING_GROUP_COVERAGE) {
      return ACCOUNT_LEVEL;
    }
    return clock.source() == null ? UNKNOWN : clock.source();
  }

  /** A breach from its deadline to {@code end}: its close, or the report's end while open. */
  private LongBreach breach(ClockEvent clock, Instant end, boolean stillOpen) {
    Duration openFor = Duration.between(clock.dueAt(), end);
    return new LongBreach(
        clock.key(),
        clock.rule(),
        clock.repId(),
        clock.repId() == null ? null : repName(clock.repId()),
        clock.source(),
        clock.dueAt(),
        stillOpen ? null : end,
        openFor.isNegative() ? Duration.ZERO : openFor);
  }

  private static void keepIfLong(LongBreach breach, PriorityQueue<LongBreach> heap) {
    heap.add(breach);
    if (heap.size() > LONGEST_BREACHES) {
      heap.poll();
    }
  }

  private String repName(String repId) {
    return repNames.getOrDefault(repId, repId);
  }

  /**
   * The report as of {@code asOf}, the replay's end: clocks still open then are missed if past due,
   * else running. The collector is left as it was, so a model may be taken more than once.
   */
  public ReportModel model(Instant asOf) {
    Map<RuleId, Map<String, long[]>> openBySource = new EnumMap<>(RuleId.class);
    Map<RuleId, Map<String, long[]>> openByRep = new EnumMap<>(RuleId.class);
    Map<String, long[]> openByAccount = new HashMap<>();
    PriorityQueue<LongBreach> longest = new PriorityQueue<>(longestClosed);
    long stillWaiting = 0;
    for (ClockEvent clock : openClocks.values()) {
      boolean pastDue = !clock.dueAt().isAfter(asOf);
      int slot = pastDue ? 0 : 1;
      open(openBySource, clock.rule(), sourceOf(clock))[slot]++;
      if (clock.repId() != null) {
        open(openByRep, clock.rule(), clock.repId())[slot]++;
      }
      if (clock.rule() == RuleId.BUYING_GROUP_COVERAGE && clock.accountId() != null) {
        openByAccount.computeIfAbsent(clock.accountId(), a -> new long[2])[slot]++;
      }
      if (pastDue) {
        keepIfLong(breach(clock, asOf, true), longest);
      }
      if (clock.rule() == RuleId.FIRST_TOUCH) {
        stillWaiting++;
      }
    }

    List<RuleCompliance> compliance = new ArrayList<>();
    for (RuleId rule : RuleId.values()) {
      List<Row> sources = rows(bySource.get(rule), openBySource.get(rule), s -> s);
      if (!sources.isEmpty()) {
        List<Row> reps = rows(byRep.get(rule), openByRep.get(rule), this::repName);
        compliance.add(new RuleCompliance(rule, total(sources), sources, reps));
      }
    }
    List<RepRecord> repRecords = repRecords(openByRep);

    List<LongBreach> breaches = new ArrayList<>(longest);
    breaches.sort(LONGEST_FIRST);
    return new ReportModel(
        policy.policyId(),
        policy.version(),
        firstEventAt,
        lastEventAt,
        asOf,
        leads.size(),
        events,
        Map.copyOf(alertsByKind),
        List.copyOf(compliance),
        firstTouchTimes(stillWaiting),
        coverage(openByAccount),
        new Offenders(
            mostBreaches(repRecords), slowestFirstTouch(repRecords), List.copyOf(breaches)));
  }

  private static long[] open(Map<RuleId, Map<String, long[]>> map, RuleId rule, String key) {
    return map.computeIfAbsent(rule, r -> new HashMap<>()).computeIfAbsent(key, k -> new long[2]);
  }

  /**
   * One row per group with a closed or an open clock, sorted worst compliance first so the eye
   * lands on the leaks.
   */
  private static List<Row> rows(
      Map<String, Counts> closed, Map<String, long[]> open, Function<String, String> label) {
    Set<String> keys = new HashSet<>();
    keys.addAll(closed == null ? Set.of() : closed.keySet());
    keys.addAll(open == null ? Set.of() : open.keySet());
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      Counts c = closed == null ? null : closed.get(key);
      long[] o = open == null ? null : open.get(key);
      rows.add(new Row(key, label.apply(key), tally(c, o)));
    }
    rows.sort(
        Comparator.comparing(
                (Row r) -> r.tally().compliance() == null ? 2.0 : r.tally().compliance())
            .thenComparing(r -> -r.tally().missed())
            .thenComparing(Row::label));
    return List.copyOf(rows);
  }

  private static Tally total(List<Row> rows) {
    long met = 0;
    long missed = 0;
    long stopped = 0;
    long running = 0;
    for (Row r : rows) {
      met += r.tally().met();
      missed += r.tally().missed();
      stopped += r.tally().stopped();
      running += r.tally().running();
    }
    return new Tally(met, missed, stopped, running);
  }

  private FirstTouchTimes firstTouchTimes(long stillWaiting) {
    long[] all = firstTouches.stream().mapToLong(TouchSample::millis).sorted().toArray();
    List<Bucket> buckets = DurationStats.buckets(all);
    List<NamedDistribution> sources =
        group(TouchSample::source).entrySet().stream()
            .map(
                e ->
                    new NamedDistribution(
                        e.getKey(), e.getKey(), DurationStats.distribution(e.getValue(), buckets)))
            .sorted(
                Comparator.comparing((NamedDistribution d) -> d.distribution().median())
                    .reversed()
                    .thenComparing(NamedDistribution::key))
            .toList();
    return new FirstTouchTimes(
        buckets, DurationStats.distribution(all, buckets), sources, stillWaiting);
  }

  private Map<String, long[]> group(Function<TouchSample, String> key) {
    return firstTouches.stream()
        .collect(
            Collectors.groupingBy(
                key,
                TreeMap::new,
                Collectors.collectingAndThen(
                    Collectors.toList(),
                    l -> l.stream().mapToLong(TouchSample::millis).sorted().toArray())));
  }

  private Coverage coverage(Map<String, long[]> openByAccount) {
    Map<String, int[]> byAccount = new HashMap<>();
    for (LeadFacts lead : leads.values()) {
      if (lead.accountId == null || lead.closed) {
        continue;
      }
      int[] c = byAccount.computeIfAbsent(lead.accountId, a -> new int[2]);
      c[0]++;
      c[1] += lead.touched ? 1 : 0;
    }
    long open = 0;
    long touched = 0;
    List<AccountCoverage> accounts = new ArrayList<>();
    for (Map.Entry<String, int[]> e : byAccount.entrySet()) {
      String account = e.getKey();
      Counts rule = coverageByAccount.get(account);
      long[] ruleOpen = openByAccount.get(account);
      long breaches = (rule == null ? 0 : rule.missed) + (ruleOpen == null ? 0 : ruleOpen[0]);
      accounts.add(
          new AccountCoverage(
              account, accountNames.get(account), e.getValue()[0], e.getValue()[1], breaches));
      open += e.getValue()[0];
      touched += e.getValue()[1];
    }
    accounts.sort(
        Comparator.comparingDouble(AccountCoverage::coverage)
            .thenComparing(Comparator.comparingLong(AccountCoverage::ruleBreaches).reversed())
            .thenComparing(Comparator.comparingInt(AccountCoverage::openLeads).reversed())
            .thenComparing(AccountCoverage::accountId));
    boolean fromRule = bySource.containsKey(RuleId.BUYING_GROUP_COVERAGE);
    return new Coverage(
        List.copyOf(accounts.subList(0, Math.min(COVERAGE_ROWS, accounts.size()))),
        accounts.size(),
        open,
        touched,
        fromRule);
  }

  /** Every rep's record across all rules, open past-due clocks counted as breaches. */
  private List<RepRecord> repRecords(Map<RuleId, Map<String, long[]>> openByRep) {
    Map<String, Counts> closed = new HashMap<>();
    byRep
        .values()
        .forEach(
            reps ->
                reps.forEach((rep, c) -> closed.computeIfAbsent(rep, r -> new Counts()).add(c)));
    Map<String, long[]> open = new HashMap<>();
    openByRep
        .values()
        .forEach(
            reps ->
                reps.forEach(
                    (rep, o) -> {
                      long[] sum = open.computeIfAbsent(rep, r -> new long[2]);
                      sum[0] += o[0];
                      sum[1] += o[1];
                    }));
    Set<String> reps = new HashSet<>(closed.keySet());
    reps.addAll(open.keySet());
    Map<String, long[]> touchesByRep = group(TouchSample::repId);
    List<RepRecord> records = new ArrayList<>();
    for (String rep : reps) {
      Tally all = tally(closed.get(rep), open.get(rep));
      long[] sorted = touchesByRep.getOrDefault(rep, new long[0]);
      records.add(
          new RepRecord(
              rep, repName(rep), all.missed(), all, DurationStats.distribution(sorted, List.of())));
    }
    return records;
  }

  private static List<RepRecord> mostBreaches(List<RepRecord> records) {
    return records.stream()
        .filter(r -> r.breaches() > 0)
        .sorted(
            Comparator.comparingLong(RepRecord::breaches).reversed().thenComparing(RepRecord::name))
        .limit(WORST_REPS)
        .toList();
  }

  private static List<RepRecord> slowestFirstTouch(List<RepRecord> records) {
    return records.stream()
        .filter(r -> r.firstTouch().median() != null)
        .sorted(
            Comparator.comparing((RepRecord r) -> r.firstTouch().median())
                .reversed()
                .thenComparing(RepRecord::name))
        .limit(WORST_REPS)
        .toList();
  }
}
