package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live and replay cannot drift apart: the Kafka Streams topology, driven by its wall clock, and the
 * replay driver, in event time, produce the same alerts (ids, kinds, rules, leads, deadlines, reps,
 * policy versions) for the same generated history of about two thousand leads. Only when an alert
 * was noticed may differ: live notices on its next scan.
 */
class LiveReplayEquivalenceTest {

  private static final Instant START = Instant.parse("2026-03-06T14:00:00Z");
  private static final Duration HISTORY = Duration.ofMinutes(16);
  private static final Duration TAIL = Duration.ofMinutes(10);
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir Path stateDir;

  /** What must agree between the drivers: everything but the moment of noticing and its wording. */
  record Essence(
      String alertId,
      String kind,
      String ruleId,
      String leadId,
      String accountId,
      Instant dueAt,
      String repId,
      String recipientId,
      String policyVersion,
      List<String> uncovered) {
    static Essence of(SlaAlert a) {
      return new Essence(
          a.getAlertId(),
          a.getKind(),
          a.getRuleId(),
          a.getLeadId(),
          a.getAccountId(),
          a.getDueAt(),
          a.getRepId(),
          a.getRecipientId(),
          a.getPolicyVersion(),
          List.copyOf(a.getUncoveredLeadIds()));
    }
  }

  @Test
  void liveAndReplayProduceTheSameAlerts() {
    Policy policy = PolicyLoader.demo();
    DemoWorkload workload =
        new DemoWorkload(
            Clock.fixed(START, ZoneOffset.UTC),
            11,
            null,
            Duration.ofMillis(200),
            Duration.ofMillis(700));
    List<SpecificRecord> script = workload.script(START, HISTORY);
    List<RepProfile> reps =
        script.stream().filter(RepProfile.class::isInstance).map(RepProfile.class::cast).toList();
    List<SpecificRecord> events = script.stream().filter(LeadEvents::isLeadEvent).toList();
    Instant end = START.plus(HISTORY).plus(TAIL);
    long leads = events.stream().map(LeadEvents::leadId).distinct().count();
    assertThat(leads).as("a history of thousands of leads").isGreaterThan(1_500);

    Map<String, RepProfile> byId = new HashMap<>();
    reps.forEach(r -> byId.put(r.getRepId(), r));
    List<SlaAlert> replayed =
        ReplayDriver.replay(SlaRules.standard(), policy, RepDirectory.of(byId), events, end);

    List<SlaAlert> live = runLive(policy, reps, events, end);

    assertThat(replayed).hasSizeGreaterThan(500);
    assertThat(replayed.stream().map(SlaAlert::getRuleId).distinct())
        .as("every rule fires in this history")
        .containsExactlyInAnyOrder(
            "first-touch",
            "unassigned",
            "follow-up-after-engagement",
            "touch-cadence",
            "buying-group-coverage");
    assertThat(live.stream().map(Essence::of).toList())
        .containsExactlyInAnyOrderElementsOf(replayed.stream().map(Essence::of).toList());
    // Live notices on a later scan: never before the replay's exact moment, and within two scan
    // intervals (one interval, plus the driver's steps not lining up with the scan schedule).
    Map<String, Instant> replayedAt = new HashMap<>();
    replayed.forEach(a -> replayedAt.put(a.getAlertId() + a.getKind(), a.getDetectedAt()));
    assertThat(live)
        .allSatisfy(
            a -> {
              Instant exact = replayedAt.get(a.getAlertId() + a.getKind());
              assertThat(Duration.between(exact, a.getDetectedAt()))
                  .isBetween(Duration.ZERO, TICK.multipliedBy(2));
            });
  }

  /**
   * The same, through what surrounds the rules: re-delivered events, a policy published mid-stream,
   * a rep who goes out of office mid-stream, and leads forgotten once their retention ran out. Each
   * of these once lived in each driver separately; now both run the core's one step.
   */
  @Test
  void liveAndReplayAgreeOnDuplicatesPolicyAndRepChangesAndRetention() throws Exception {
    // The demo policy, with warnings for an absent rep going to the manager.
    String text = demoPolicyText() + "\noutOfOffice:\n  warnManager: true\n";
    Policy policy = PolicyLoader.parse(text, "demo policy");
    Duration history = Duration.ofMinutes(8);
    DemoWorkload workload =
        new DemoWorkload(
            Clock.fixed(START, ZoneOffset.UTC),
            13,
            null,
            Duration.ofMillis(300),
            Duration.ofMillis(900));
    List<SpecificRecord> script = workload.script(START, history);
    List<RepProfile> reps =
        script.stream().filter(RepProfile.class::isInstance).map(RepProfile.class::cast).toList();
    List<SpecificRecord> events = script.stream().filter(LeadEvents::isLeadEvent).toList();
    List<SpecificRecord> records = new ArrayList<>(reps);
    records.addAll(events);

    // Every 40th event is delivered again 20 seconds later, as an at-least-once source does.
    int resent = 0;
    for (int i = 0; i < events.size(); i += 40) {
      records.add(resentLater(events.get(i), Duration.ofSeconds(20)));
      resent++;
    }
    // A rep goes out of office three minutes in: warnings go to the manager from then on.
    RepProfile dana =
        reps.stream().filter(r -> r.getRepId().equals("R-DANA")).findFirst().orElseThrow();
    RepProfile away =
        RepProfile.newBuilder(dana)
            .setOutOfOffice(true)
            .setUpdatedAt(START.plus(Duration.ofMinutes(3)))
            .build();
    records.add(away);
    // A new policy version five minutes in: a shorter first-touch SLA for new clocks.
    records.add(
        SlaPolicy.newBuilder()
            .setPolicyId("demo")
            .setVersion("demo-2")
            .setDocument(
                text.replace("version: \"demo-1\"", "version: \"demo-2\"")
                    .replace("sla: PT45S", "sla: PT35S"))
            .setPublishedAt(START.plus(Duration.ofMinutes(5)))
            .setPublishedBy("ops")
            .build());
    Instant end = START.plus(history).plus(TAIL);
    // Short enough that closed leads are forgotten within the run.
    EngineSettings settings =
        new EngineSettings(TICK, 10_000, Duration.ofDays(7), Duration.ofMinutes(2));

    List<SlaAlert> replayed = new ArrayList<>();
    ReplayDriver replay =
        new ReplayDriver(
            SlaRules.standard(),
            policy,
            RepDirectory.of(Map.of()),
            replayed::add,
            clock -> {},
            settings.step());
    inReplayOrder(records).forEach(replay::accept);
    replay.advanceTo(end);

    List<SlaAlert> live = runLive(policy, records, end, settings);

    assertThat(resent).isGreaterThan(20);
    assertThat(replayed).extracting(SlaAlert::getPolicyVersion).contains("demo-1", "demo-2");
    assertThat(replayed)
        .as("warnings to the manager of the rep who went away")
        .anySatisfy(
            a -> {
              assertThat(a.getRepId()).isEqualTo(away.getRepId());
              assertThat(a.getRecipientId()).isEqualTo(away.getManagerId());
            });
    long leads = events.stream().map(LeadEvents::leadId).distinct().count();
    assertThat(replay.leadsHeld()).as("closed leads forgotten").isLessThan((int) leads);
    assertThat(live.stream().map(Essence::of).toList())
        .containsExactlyInAnyOrderElementsOf(replayed.stream().map(Essence::of).toList());
  }

  /**
   * The weekly reviews too: the same history of about two thousand leads on a Sunday evening in
   * America, through the topology with its wall clock moved past Monday 00:00 in New York (the East
   * team's manager) and an hour later in Chicago (West's), and through replay, gives the same
   * review of each team's week, and none of the week running at the end. Only when a review was
   * made may differ: live makes it on its first scan after midnight, replay at midnight.
   */
  @Test
  void liveAndReplayProduceTheSameWeeklyReviews() {
    Instant eastMonday = Instant.parse("2026-03-09T04:00:00Z");
    Instant westMonday = Instant.parse("2026-03-09T05:00:00Z");
    // Sunday 23:24 in New York: the history and its deadlines are over well before midnight.
    Instant start = eastMonday.minus(Duration.ofMinutes(36));
    Policy policy = PolicyLoader.demo();
    DemoWorkload workload =
        new DemoWorkload(
            Clock.fixed(start, ZoneOffset.UTC),
            17,
            null,
            Duration.ofMillis(200),
            Duration.ofMillis(700));
    List<SpecificRecord> script = workload.script(start, HISTORY);
    List<SpecificRecord> records = new ArrayList<>(inReplayOrder(script));
    EngineSettings settings = new EngineSettings(TICK, 10_000, Duration.ofDays(7));
    Instant end = westMonday.plus(TICK.multipliedBy(3));

    List<SlaAlert> replayedAlerts = new ArrayList<>();
    List<TeamWeeklyReview> replayed = new ArrayList<>();
    ReplayDriver replay =
        new ReplayDriver(
            SlaRules.standard(),
            policy,
            RepDirectory.of(Map.of()),
            replayedAlerts::add,
            clock -> {},
            replayed::add,
            settings.step());
    records.forEach(replay::accept);
    replay.advanceTo(end);

    // Live fires a deadline on its next scan: one in the last scans before a midnight would count
    // in the week after. This history has none there, so both weeks close on the same clocks.
    for (Instant monday : List.of(eastMonday, westMonday)) {
      assertThat(replayedAlerts)
          .filteredOn(a -> a.getKind().equals("BREACHED"))
          .noneMatch(
              a ->
                  !a.getDetectedAt().isBefore(monday.minus(TICK.multipliedBy(2)))
                      && a.getDetectedAt().isBefore(monday));
    }

    List<TeamWeeklyReview> live = new ArrayList<>();
    List<SlaAlert> liveAlerts;
    try (LiveTopology topology = new LiveTopology(policy, settings, stateDir, start)) {
      for (SpecificRecord record : records) {
        Instant at = ReplayDriver.timeOf(record);
        if (at != null) {
          topology.advanceTo(at, TICK);
        }
        topology.pipe(record, at == null ? topology.wallClock() : at);
      }
      topology.advanceTo(start.plus(HISTORY).plus(TAIL), TICK);
      // Nothing falls due from here on: a scan just before each midnight, then one at a time.
      for (Instant monday : List.of(eastMonday, westMonday)) {
        topology.jumpTo(monday.minus(TICK.multipliedBy(2)));
        topology.advanceTo(monday.plus(TICK.multipliedBy(3)), TICK);
      }
      topology.reviews().forEach(r -> live.add(r.value()));
      liveAlerts = topology.alerts();
    }

    assertThat(replayed)
        .extracting(TeamWeeklyReview::getReviewId, TeamWeeklyReview::getTimeZone)
        .containsExactly(
            tuple("East Biopharma/2026-W10", "America/New_York"),
            tuple("West Diagnostics/2026-W10", "America/Chicago"));
    assertThat(replayed)
        .allSatisfy(
            r -> {
              assertThat(r.getOverall().getMet()).isPositive();
              assertThat(r.getOverall().getMissed()).isPositive();
              assertThat(r.getBestReps()).isNotEmpty();
              assertThat(r.getGeneratedAt()).isEqualTo(r.getWeekEnd());
            });
    assertThat(replayed).anySatisfy(r -> assertThat(r.getAtRisk()).isNotEmpty());
    assertThat(live.stream().map(LiveReplayEquivalenceTest::withoutGeneratedAt).toList())
        .containsExactlyElementsOf(
            replayed.stream().map(LiveReplayEquivalenceTest::withoutGeneratedAt).toList());
    assertThat(live)
        .allSatisfy(
            r ->
                assertThat(Duration.between(r.getWeekEnd(), r.getGeneratedAt()))
                    .isBetween(Duration.ZERO, TICK.multipliedBy(2)));
    assertThat(liveAlerts.stream().map(Essence::of).toList())
        .containsExactlyInAnyOrderElementsOf(replayedAlerts.stream().map(Essence::of).toList());
  }

  private static TeamWeeklyReview withoutGeneratedAt(TeamWeeklyReview review) {
    return TeamWeeklyReview.newBuilder(review).setGeneratedAt(Instant.EPOCH).build();
  }

  /** The same event, with the same eventId, arriving again {@code later}. */
  private static SpecificRecord resentLater(SpecificRecord event, Duration later) {
    SpecificRecord copy = SpecificData.get().deepCopy(event.getSchema(), event);
    Instant arrival = LeadEvents.occurredAt(event).plus(later);
    copy.put(copy.getSchema().getField("recordedAt").pos(), arrival);
    return copy;
  }

  private static String demoPolicyText() {
    try (var in = PolicyLoader.class.getResourceAsStream(PolicyLoader.DEMO_POLICY_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<SlaAlert> runLive(
      Policy policy, List<RepProfile> reps, List<SpecificRecord> events, Instant end) {
    List<SpecificRecord> records = new ArrayList<>(reps);
    records.addAll(events);
    return runLive(policy, records, end, new EngineSettings(TICK, 10_000, Duration.ofDays(7)));
  }

  /**
   * Pipes {@code records} (lead events, rep profiles, published policies) into the topology in
   * their replay order, each on its own topic at its own time, moving the wall clock one scan at a
   * time; rep profiles without an updatedAt go first.
   */
  private List<SlaAlert> runLive(
      Policy policy, List<SpecificRecord> records, Instant end, EngineSettings settings) {
    try (LiveTopology live = new LiveTopology(policy, settings, stateDir, START)) {
      for (SpecificRecord record : inReplayOrder(records)) {
        Instant at = ReplayDriver.timeOf(record);
        if (at != null) {
          live.advanceTo(at, TICK);
        }
        live.pipe(record, at == null ? live.wallClock() : at);
      }
      live.advanceTo(end, TICK);
      return live.alerts();
    }
  }

  private static List<SpecificRecord> inReplayOrder(List<SpecificRecord> records) {
    return records.stream()
        .sorted(
            Comparator.comparing(
                ReplayDriver::timeOf, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }
}
