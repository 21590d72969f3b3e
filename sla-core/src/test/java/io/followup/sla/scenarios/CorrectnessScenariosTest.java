package io.followup.sla.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The correctness suite: short event timelines, each with the first-touch alerts it must produce
 * (kind, due time, policy version) and, by their absence from the list, the ones it must not.
 * Events are fed in the order written (out-of-order and duplicate deliveries included), through the
 * same rule core the live engine runs.
 */
class CorrectnessScenariosTest {

  /** 4 business hours to the first touch, counted in the rep's working hours and holidays. */
  private static final String BUSINESS =
      """
      policyId: scenarios
      version: "biz-1"
      rules:
        first-touch:
          sla: PT4H
          calendar: business
        unassigned: {sla: PT4H, enabled: false}
        follow-up-after-engagement: {sla: PT4H, enabled: false}
        touch-cadence: {sla: P14D, minTouches: 1, enabled: false}
        buying-group-coverage: {sla: P21D, minTouches: 1, enabled: false}
      calendars:
        default: {timeZone: America/New_York, workingHours: "MON-FRI 09:00-17:00"}
        regions:
          US: {timeZone: America/New_York, holidays: [2026-11-26, 2026-12-25]}
          DE: {timeZone: Europe/Berlin, holidays: [2026-10-03, 2026-12-25]}
      """;

  /** The built-in 48 wall-clock hours, other rules off, so each scenario shows one rule. */
  private static final String WALL_CLOCK =
      """
      policyId: scenarios
      version: "wall-1"
      rules:
        first-touch: {sla: PT48H, warnAt: 0.75}
        unassigned: {sla: PT4H, enabled: false}
        follow-up-after-engagement: {sla: PT4H, enabled: false}
        touch-cadence: {sla: P14D, minTouches: 1, enabled: false}
        buying-group-coverage: {sla: P21D, minTouches: 1, enabled: false}
      """;

  private static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-NY", rep("R-NY", "Dana Ortiz", "America/New_York", "US"),
              "R-CHI", rep("R-CHI", "Sam Patel", "America/Chicago", "US"),
              "R-BER", rep("R-BER", "Lukas Brandt", "Europe/Berlin", "DE"),
              "R-NY2", rep("R-NY2", "Priya Nair", "America/New_York", "US")));

  private static final AtomicInteger IDS = new AtomicInteger();

  /** One expected alert: its kind, its deadline and the policy version that set it. */
  record Expect(String kind, String dueAt, String version) {
    static Expect of(String kind, String dueAt, String version) {
      return new Expect(kind, dueAt, version);
    }
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        scenario(
            "a weekend and the US spring-forward (2026-03-08) fall inside the SLA",
            BUSINESS,
            "2026-03-10T00:00:00Z",
            List.of(lead("L-1", "2026-03-06T21:00:00Z", "R-NY")), // Fri 16:00 EST
            Expect.of("BREACHED", "2026-03-09T16:00:00Z", "biz-1")), // Mon 12:00 EDT
        scenario(
            "a lead on the DST Sunday itself waits for Monday's opening",
            BUSINESS,
            "2026-03-10T00:00:00Z",
            List.of(lead("L-1", "2026-03-08T14:00:00Z", "R-NY")), // Sun 10:00 EDT
            Expect.of("BREACHED", "2026-03-09T17:00:00Z", "biz-1")), // Mon 13:00 EDT
        scenario(
            "US fall-back (2026-11-01) in Chicago",
            BUSINESS,
            "2026-11-04T00:00:00Z",
            List.of(lead("L-1", "2026-10-30T21:00:00Z", "R-CHI")), // Fri 16:00 CDT
            Expect.of("BREACHED", "2026-11-02T18:00:00Z", "biz-1")), // Mon 12:00 CST
        scenario(
            "EU spring-forward (2026-03-29) in Berlin",
            BUSINESS,
            "2026-04-01T00:00:00Z",
            List.of(lead("L-1", "2026-03-27T15:00:00Z", "R-BER")), // Fri 16:00 CET
            Expect.of("BREACHED", "2026-03-30T10:00:00Z", "biz-1")), // Mon 12:00 CEST
        scenario(
            "EU fall-back (2026-10-25) in Berlin",
            BUSINESS,
            "2026-10-28T00:00:00Z",
            List.of(lead("L-1", "2026-10-23T14:00:00Z", "R-BER")), // Fri 16:00 CEST
            Expect.of("BREACHED", "2026-10-26T11:00:00Z", "biz-1")), // Mon 12:00 CET
        scenario(
            "a holiday (US Thanksgiving 2026-11-26) does not count",
            BUSINESS,
            "2026-11-30T00:00:00Z",
            List.of(lead("L-1", "2026-11-25T21:00:00Z", "R-NY")), // Wed 16:00 EST
            Expect.of("BREACHED", "2026-11-27T17:00:00Z", "biz-1")), // Fri 12:00 EST
        scenario(
            "a German holiday is not an American one",
            BUSINESS,
            "2026-10-06T00:00:00Z",
            List.of(
                lead("L-1", "2026-10-02T14:00:00Z", "R-BER"), // Fri 16:00 CEST, 3 Oct is a Saturday
                lead("L-2", "2026-10-02T20:00:00Z", "R-NY")), // Fri 16:00 EDT
            Expect.of("BREACHED", "2026-10-05T10:00:00Z", "biz-1"),
            Expect.of("BREACHED", "2026-10-05T16:00:00Z", "biz-1")),
        scenario(
            "wall-clock hours across the US DST change are absolute",
            WALL_CLOCK,
            "2026-03-10T00:00:00Z",
            List.of(lead("L-1", "2026-03-07T12:00:00Z", "R-NY")),
            Expect.of("WARNING", "2026-03-09T12:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-09T12:00:00Z", "wall-1")),
        scenario(
            "a touch one millisecond before the deadline: no breach",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                touch("L-1", "2026-03-08T08:59:59.999Z", "R-NY")),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("RESOLVED", "2026-03-08T09:00:00Z", "wall-1")),
        scenario(
            "a touch one millisecond after the deadline: breached, then resolved",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                touch("L-1", "2026-03-08T09:00:00.001Z", "R-NY")),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("RESOLVED", "2026-03-08T09:00:00Z", "wall-1")),
        scenario(
            "reassignment mid-clock: the new owner's clock starts then",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                status("L-1", "2026-03-07T09:00:00Z", "ASSIGNED", "R-NY2")),
            Expect.of("WARNING", "2026-03-09T09:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-09T09:00:00Z", "wall-1")),
        scenario(
            "disqualified while at risk: the warning is resolved, no breach",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                status("L-1", "2026-03-07T23:00:00Z", "DISQUALIFIED", null)),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("RESOLVED", "2026-03-08T09:00:00Z", "wall-1")),
        scenario(
            "out of order: an older ASSIGNED after a newer CLOSED changes nothing",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                status("L-1", "2026-03-06T12:00:00Z", "CLOSED", null),
                status("L-1", "2026-03-06T10:00:00Z", "ASSIGNED", "R-NY2"))),
        scenario(
            "out of order: the touch arrives before its lead",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                touch("L-1", "2026-03-06T10:00:00Z", "R-NY"),
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"))),
        scenario(
            "duplicates: the same events delivered twice alert once",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            duplicated(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                status("L-1", "2026-03-06T10:00:00Z", "QUALIFIED", "R-NY")),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-08T09:00:00Z", "wall-1")),
        scenario(
            "policy changed mid-clock: running clocks keep their deadline, new ones use the new"
                + " SLA",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY"),
                policy(
                    "2026-03-06T10:00:00Z",
                    WALL_CLOCK
                        .replace("wall-1", "wall-2")
                        .replace("sla: PT48H, warnAt: 0.75", "sla: PT24H")),
                lead("L-2", "2026-03-06T11:00:00Z", "R-NY")),
            Expect.of("BREACHED", "2026-03-07T11:00:00Z", "wall-2"),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-08T09:00:00Z", "wall-1")),
        scenario(
            "a policy that does not validate is refused and the running one stays",
            WALL_CLOCK,
            "2026-03-12T00:00:00Z",
            List.of(
                policy("2026-03-06T08:00:00Z", WALL_CLOCK.replace("PT48H", "two days")),
                lead("L-1", "2026-03-06T09:00:00Z", "R-NY")),
            Expect.of("WARNING", "2026-03-08T09:00:00Z", "wall-1"),
            Expect.of("BREACHED", "2026-03-08T09:00:00Z", "wall-1")));
  }

  /** The business policy with an escalation 8 working hours after the breach. */
  private static final String ESCALATING =
      BUSINESS
          .replace("biz-1", "biz-esc")
          .replace("calendar: business", "calendar: business\n    escalateAfter: PT8H");

  static Stream<Arguments> escalations() {
    return Stream.of(
        Arguments.of(
            "over a weekend and the US spring-forward (2026-03-08)",
            ESCALATING,
            lead("L-1", "2026-03-06T17:00:00Z", "R-NY"), // Fri 12:00 EST
            "2026-03-06T21:00:00Z", // due Fri 16:00 EST
            "2026-03-09T20:00:00Z"), // 1h Fri + 7h Mon: Mon 16:00 EDT
        Arguments.of(
            "the next working day in Berlin",
            ESCALATING,
            lead("L-1", "2026-03-10T11:00:00Z", "R-BER"), // Tue 12:00 CET
            "2026-03-10T15:00:00Z", // due Tue 16:00 CET
            "2026-03-11T15:00:00Z"), // 1h Tue + 7h Wed: Wed 16:00 CET
        Arguments.of(
            "a deadline at closing time escalates at the next working day's closing",
            ESCALATING,
            lead("L-1", "2026-03-27T12:00:00Z", "R-BER"), // Fri 13:00 CET
            "2026-03-27T16:00:00Z", // due Fri 17:00 CET
            "2026-03-30T15:00:00Z"), // Mon 17:00 CEST, after the EU spring-forward
        Arguments.of(
            "over a holiday (US Thanksgiving 2026-11-26)",
            ESCALATING,
            lead("L-1", "2026-11-25T17:00:00Z", "R-NY"), // Wed 12:00 EST
            "2026-11-25T21:00:00Z", // due Wed 16:00 EST
            "2026-11-27T21:00:00Z"), // 1h Wed + 7h Fri: Fri 16:00 EST
        Arguments.of(
            "wall-clock escalations stay absolute hours, across the US DST change",
            WALL_CLOCK.replace("warnAt: 0.75", "escalateAfter: PT24H"),
            lead("L-1", "2026-03-07T12:00:00Z", "R-NY"),
            "2026-03-09T12:00:00Z",
            "2026-03-10T12:00:00Z"));
  }

  /** An escalation counts its delay in the same calendar as the SLA it follows. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("escalations")
  void escalation(String name, String policyYaml, LeadCreated lead, String due, String escalated)
      throws Exception {
    List<SlaAlert> alerts = new ArrayList<>();
    ReplayDriver driver =
        new ReplayDriver(
            SlaRules.standard(), PolicyLoader.parse(policyYaml, name), REPS, alerts::add);
    driver.accept(lead);
    driver.advanceTo(Instant.parse(escalated).plus(Duration.ofDays(7)));

    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDueAt, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("BREACHED", Instant.parse(due), Instant.parse(due)),
            tuple("ESCALATED", Instant.parse(due), Instant.parse(escalated)));
  }

  static Stream<Arguments> breachWording() {
    return Stream.of(
        Arguments.of(
            "a New York rep reads New York time, daylight time after the change",
            lead("L-1", "2026-03-06T21:00:00Z", "R-NY"),
            "first touch was due Mon Mar 9, 12:00 EDT."),
        Arguments.of(
            "a Berlin rep reads Berlin time, summer time after the EU change",
            lead("L-1", "2026-03-27T15:00:00Z", "R-BER"),
            "first touch was due Mon Mar 30, 12:00 CEST."),
        Arguments.of(
            "a Chicago rep reads standard time after the US fall-back",
            lead("L-1", "2026-10-30T21:00:00Z", "R-CHI"),
            "first touch was due Mon Nov 2, 12:00 CST."),
        Arguments.of(
            "a rep nobody knows reads UTC (the deadline is the default region's)",
            lead("L-1", "2026-03-06T21:00:00Z", "R-UNKNOWN"),
            "first touch was due Mon Mar 9, 16:00 UTC."));
  }

  /** A breach read the next morning still says which day, in the rep's own zone. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("breachWording")
  void breachSaysTheDeadlineInTheRepsLocalTime(String name, LeadCreated lead, String ending)
      throws Exception {
    List<SlaAlert> alerts =
        ReplayDriver.replay(
            SlaRules.standard(),
            PolicyLoader.parse(BUSINESS, name),
            REPS,
            List.of(lead),
            lead.getOccurredAt().plus(Duration.ofDays(7)));

    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("BREACHED");
    assertThat(alerts.get(0).getSummary()).endsWith(ending);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(
      String name,
      String policyYaml,
      String asOf,
      List<SpecificRecord> events,
      List<Expect> expected)
      throws Exception {
    Policy policy = PolicyLoader.parse(policyYaml, name);
    List<SlaAlert> alerts = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), policy, REPS, alerts::add);
    events.forEach(driver::accept);
    driver.advanceTo(Instant.parse(asOf));

    assertThat(alerts)
        .extracting(a -> new Expect(a.getKind(), a.getDueAt().toString(), a.getPolicyVersion()))
        .containsExactlyElementsOf(
            expected.stream()
                .map(e -> new Expect(e.kind(), Instant.parse(e.dueAt()).toString(), e.version()))
                .toList());
  }

  private static Arguments scenario(
      String name, String policy, String asOf, List<SpecificRecord> events, Expect... expected) {
    return Arguments.of(name, policy, asOf, events, List.of(expected));
  }

  private static List<SpecificRecord> duplicated(SpecificRecord... events) {
    List<SpecificRecord> twice = new ArrayList<>(List.of(events));
    twice.addAll(List.of(events));
    return twice;
  }

  private static RepProfile rep(String id, String name, String zone, String region) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setTimeZone(zone)
        .setRegion(region)
        .setWorkingHours("MON-FRI 09:00-17:00")
        .build();
  }

  private static LeadCreated lead(String leadId, String at, String owner) {
    return LeadCreated.newBuilder()
        .setEventId("s-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse(at))
        .setSource("WEBINAR")
        .setPriority("WARM")
        .setOwnerRepId(owner)
        .build();
  }

  private static RepTouched touch(String leadId, String at, String rep) {
    return RepTouched.newBuilder()
        .setEventId("s-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse(at))
        .setRepId(rep)
        .setChannel("CALL")
        .setDirection("OUTBOUND")
        .build();
  }

  private static LeadStatusChanged status(String leadId, String at, String status, String owner) {
    return LeadStatusChanged.newBuilder()
        .setEventId("s-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(Instant.parse(at))
        .setStatus(status)
        .setOwnerRepId(owner)
        .build();
  }

  private static SlaPolicy policy(String at, String yaml) {
    return SlaPolicy.newBuilder()
        .setPolicyId("scenarios")
        .setVersion("x")
        .setDocument(yaml)
        .setPublishedAt(Instant.parse(at))
        .build();
  }
}
