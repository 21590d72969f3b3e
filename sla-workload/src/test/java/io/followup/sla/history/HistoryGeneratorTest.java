package io.followup.sla.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.demo.RepHabit;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.history.HistoryGenerator.Settings;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.JsonLines;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryGeneratorTest {

  private static final LocalDate FROM = LocalDate.parse("2026-01-01");
  private static final LocalDate TO = LocalDate.parse("2026-12-31");
  private static final Set<String> GENERIC =
      Set.of("Just checking in", "Following up", "Touching base", "Any update?");

  /** One year of 3,000 leads, shared by the statistical tests. */
  private static HistoryGenerator generator;

  private static List<SpecificRecord> history;

  @TempDir Path dir;

  @BeforeAll
  static void generateAYear() {
    generator = new HistoryGenerator(new Settings(3_000, FROM, TO, 7));
    history = generator.stream().toList();
  }

  @Test
  void theSameSettingsGiveTheSameHistoryAndAnotherSeedAnother() throws Exception {
    Settings settings = new Settings(400, FROM, LocalDate.parse("2026-03-31"), 42);
    String first = jsonLines(settings);
    assertThat(jsonLines(settings)).isEqualTo(first);
    assertThat(jsonLines(new Settings(400, FROM, LocalDate.parse("2026-03-31"), 43)))
        .isNotEqualTo(first);
  }

  @Test
  void repsComeFirstThenEveryEventInTimeOrderAfterItsLead() {
    long profiles = history.stream().takeWhile(r -> r instanceof RepProfile).count();
    assertThat(profiles).isEqualTo(24);
    assertThat(history.stream().skip(profiles)).allMatch(LeadEvents::isLeadEvent);

    Map<String, Instant> created = new HashMap<>();
    Instant previous = Instant.MIN;
    Instant start = FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (SpecificRecord event : history.subList((int) profiles, history.size())) {
      Instant at = LeadEvents.occurredAt(event);
      assertThat(at).isAfterOrEqualTo(previous).isAfterOrEqualTo(start).isBefore(end);
      previous = at;
      String leadId = LeadEvents.leadId(event);
      if (event instanceof LeadCreated) {
        assertThat(created.put(leadId, at)).as("%s created twice", leadId).isNull();
      } else {
        assertThat(created).as("%s before its LeadCreated", leadId).containsKey(leadId);
        assertThat(at).isAfter(created.get(leadId));
      }
    }
    assertThat(created).hasSize(3_000);
    assertThat(created.keySet())
        .contains("L-000001", "L-003000")
        .allMatch(id -> id.matches("L-\\d{6}"));
  }

  @Test
  void eventIdsAreUnique() {
    List<String> ids =
        history.stream().filter(LeadEvents::isLeadEvent).map(LeadEvents::eventId).toList();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
  }

  @Test
  void theHabitsShowInTheHistory() {
    Map<RepHabit, List<Double>> hoursToFirstTouch = new EnumMap<>(RepHabit.class);
    Map<RepHabit, int[]> untouched = new EnumMap<>(RepHabit.class);
    Map<RepHabit, int[]> genericTouches = new EnumMap<>(RepHabit.class);
    int ignoredSyndication = 0;
    int syndicationOfTheIgnorer = 0;
    for (LeadStory lead : leads()) {
      if (lead.owner == null) {
        continue;
      }
      RepHabit habit = habitOf(lead.owner);
      List<RepTouched> mine =
          lead.touches.stream()
              .filter(t -> t.getRepId().equals(lead.owner) && t.getDirection().equals("OUTBOUND"))
              .toList();
      untouched.computeIfAbsent(habit, h -> new int[2])[1]++;
      if (mine.isEmpty()) {
        untouched.get(habit)[0]++;
      } else {
        hoursToFirstTouch
            .computeIfAbsent(habit, h -> new ArrayList<>())
            .add(hours(lead.ownedAt, mine.get(0).getOccurredAt()));
      }
      for (RepTouched touch : mine) {
        int[] counts = genericTouches.computeIfAbsent(habit, h -> new int[2]);
        counts[1]++;
        if (GENERIC.contains(touch.getSubject())) {
          counts[0]++;
        }
      }
      if (habit == RepHabit.IGNORES_SYNDICATION
          && lead.created.getSource().equals("CONTENT_SYNDICATION")) {
        syndicationOfTheIgnorer++;
        ignoredSyndication += mine.isEmpty() ? 1 : 0;
      }
      if (habit == RepHabit.ONE_AND_DONE) {
        assertThat(mine).hasSizeLessThanOrEqualTo(1);
        assertThat(mine)
            .allMatch(t -> Boolean.FALSE.equals(t.getPersonalized()))
            .allMatch(t -> GENERIC.contains(t.getSubject()));
      }
    }

    double prompt = median(hoursToFirstTouch.get(RepHabit.PROMPT));
    double steady = median(hoursToFirstTouch.get(RepHabit.STEADY));
    double slow = median(hoursToFirstTouch.get(RepHabit.SLOW));
    assertThat(prompt).isLessThan(3.0);
    assertThat(steady).isGreaterThan(prompt).isLessThan(slow);
    assertThat(slow).isGreaterThan(24.0);

    assertThat(syndicationOfTheIgnorer).isGreaterThan(30);
    assertThat(ignoredSyndication).isEqualTo(syndicationOfTheIgnorer);
    assertThat(share(untouched.get(RepHabit.SOLID_BUT_MISSES))).isBetween(0.03, 0.15);
    assertThat(share(untouched.get(RepHabit.PROMPT))).isLessThan(0.01);
    assertThat(share(untouched.get(RepHabit.STEADY))).isLessThan(0.01);
    assertThat(share(genericTouches.get(RepHabit.SLOW)))
        .isGreaterThan(2 * share(genericTouches.get(RepHabit.PROMPT)));
  }

  @Test
  void leadsComeInBuyingGroupsMostlyOnWeekdaysAndSomeWaitForAnOwner() {
    List<LeadStory> leads = leads();
    Map<String, Long> groupSizes =
        leads.stream()
            .map(l -> l.created.getAccountId())
            .filter(a -> a != null)
            .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    double meanGroup = groupSizes.values().stream().mapToLong(Long::longValue).average().orElse(0);
    assertThat(meanGroup).isBetween(5.5, 8.0);
    assertThat(leads)
        .filteredOn(l -> l.created.getAccountId() != null)
        .allMatch(l -> l.created.getBuyingRole() != null && l.created.getAccountName() != null);

    long onWeekdays =
        leads.stream()
            .map(l -> l.created.getOccurredAt().atZone(ZoneOffset.UTC).getDayOfWeek())
            .filter(d -> d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY)
            .count();
    assertThat((double) onWeekdays / leads.size()).isGreaterThan(0.85);

    List<LeadStory> routedLater =
        leads.stream().filter(l -> l.created.getOwnerRepId() == null && l.owner != null).toList();
    assertThat(routedLater).hasSizeGreaterThan(leads.size() / 10);
    assertThat(routedLater)
        .filteredOn(l -> hours(l.created.getOccurredAt(), l.ownedAt) > 4)
        .hasSizeGreaterThan(routedLater.size() / 5);
    assertThat(leads).anyMatch(l -> l.owner == null);

    Set<String> statuses =
        leads.stream()
            .flatMap(l -> l.statuses.stream())
            .map(LeadStatusChanged::getStatus)
            .collect(Collectors.toSet());
    assertThat(statuses)
        .contains("ASSIGNED", "ACCEPTED", "QUALIFIED", "NURTURE", "DISQUALIFIED", "CONVERTED");
    assertThat(leads)
        .anyMatch(l -> l.touches.stream().anyMatch(t -> t.getDirection().equals("INBOUND")));
    // Prospects engage with content after the rep has been in touch, and reps answer that.
    assertThat(leads)
        .anyMatch(
            l ->
                !l.engagements.isEmpty()
                    && !l.touches.isEmpty()
                    && l.engagements
                        .get(0)
                        .getOccurredAt()
                        .isAfter(l.touches.get(0).getOccurredAt())
                    && l.touches.stream()
                        .anyMatch(
                            t -> t.getOccurredAt().isAfter(l.engagements.get(0).getOccurredAt())));
  }

  @Test
  void theEngineCatchesTheSlowRepsMoreOftenThanThePromptOnes() {
    Map<String, RepProfile> reps = new HashMap<>();
    List<SpecificRecord> events = new ArrayList<>();
    for (SpecificRecord record : history) {
      if (record instanceof RepProfile rep) {
        reps.put(rep.getRepId(), rep);
      } else {
        events.add(record);
      }
    }
    List<SlaAlert> alerts =
        ReplayDriver.replay(
            SlaRules.standard(),
            PolicyLoader.builtInDefault(),
            RepDirectory.of(reps),
            events,
            TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<RepHabit, Long> breaches =
        alerts.stream()
            .filter(a -> a.getKind().equals("BREACHED") && a.getRuleId().equals("first-touch"))
            .filter(a -> a.getRepId() != null && habitOf(a.getRepId()) != null)
            .collect(Collectors.groupingBy(a -> habitOf(a.getRepId()), Collectors.counting()));
    Map<RepHabit, Long> owned =
        leads().stream()
            .filter(l -> l.owner != null)
            .collect(Collectors.groupingBy(l -> habitOf(l.owner), Collectors.counting()));
    double slow = rate(breaches, owned, RepHabit.SLOW);
    double prompt = rate(breaches, owned, RepHabit.PROMPT);
    assertThat(slow).isGreaterThan(2 * prompt);
    assertThat(alerts).anyMatch(a -> a.getRuleId().equals("unassigned"));
  }

  @Test
  void jsonLinesRoundTripThroughTheReplayReader() throws Exception {
    Settings settings = new Settings(300, FROM, LocalDate.parse("2026-02-28"), 11);
    Path file = dir.resolve("history.jsonl");
    HistoryGenerator.Summary summary = HistoryGenerator.writeJsonLines(file, settings);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize((int) summary.records());
    assertThat(summary.leads()).isEqualTo(300);
    assertThat(summary.reps()).isEqualTo(24);
    assertThat(summary.byType().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(summary.records());
    Iterator<SpecificRecord> expected = new HistoryGenerator(settings).iterator();
    for (String line : lines) {
      assertThat(JsonLines.read(line)).isEqualTo(expected.next());
    }
    assertThat(expected.hasNext()).isFalse();
    assertThat(lines.get(24))
        .startsWith("{\"type\":\"LeadCreated\"")
        .contains("\"occurredAt\":\"2026-01-");
  }

  /** A year of 10,000 leads, as ./sla replay is run on; the time is reported, not asserted. */
  @Test
  void aYearOfTenThousandLeadsIsGeneratedInSeconds() throws Exception {
    Path file = dir.resolve("year.jsonl");
    long started = System.nanoTime();
    HistoryGenerator.Summary summary =
        HistoryGenerator.writeJsonLines(file, new Settings(10_000, FROM, TO, 7));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf(
        "Generated %d records (%d leads) in %d ms: %.1f MB %s%n",
        summary.records(),
        summary.leads(),
        took.toMillis(),
        Files.size(file) / 1e6,
        summary.byType());
    assertThat(summary.leads()).isEqualTo(10_000);
    assertThat(took).isLessThan(Duration.ofMinutes(2));
  }

  @Test
  void settingsThatMakeNoSenseAreRefused() {
    assertThatThrownBy(() -> new Settings(0, FROM, TO, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the number of leads must be at least 1, not 0");
    assertThatThrownBy(() -> new Settings(10, TO, FROM, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the period ends (2026-01-01) before it starts (2026-12-31)");
  }

  @Test
  void aOneDayPeriodHoldsEveryLead() {
    List<SpecificRecord> day =
        new HistoryGenerator(new Settings(50, FROM, FROM, 3)).stream().toList();
    assertThat(day).filteredOn(r -> r instanceof LeadCreated).hasSize(50);
  }

  // --- helpers ---

  private static String jsonLines(Settings settings) throws Exception {
    StringWriter out = new StringWriter();
    new HistoryGenerator(settings).writeJsonLines(out);
    return out.toString();
  }

  /** Everything that happened to one lead, and who owned it first and since when. */
  private static final class LeadStory {
    LeadCreated created;
    String owner;
    Instant ownedAt;
    final List<RepTouched> touches = new ArrayList<>();
    final List<LeadStatusChanged> statuses = new ArrayList<>();
    final List<ContentEngaged> engagements = new ArrayList<>();
  }

  private static List<LeadStory> leads() {
    Map<String, LeadStory> leads = new HashMap<>();
    for (SpecificRecord record : history) {
      if (record instanceof LeadCreated created) {
        LeadStory lead = new LeadStory();
        lead.created = created;
        lead.owner = created.getOwnerRepId();
        lead.ownedAt = lead.owner == null ? null : created.getOccurredAt();
        leads.put(created.getLeadId(), lead);
      } else if (record instanceof LeadStatusChanged status) {
        LeadStory lead = leads.get(status.getLeadId());
        lead.statuses.add(status);
        if (lead.owner == null && status.getStatus().equals("ASSIGNED")) {
          lead.owner = status.getOwnerRepId();
          lead.ownedAt = status.getOccurredAt();
        }
      } else if (record instanceof RepTouched touch) {
        leads.get(touch.getLeadId()).touches.add(touch);
      } else if (record instanceof ContentEngaged engaged) {
        leads.get(engaged.getLeadId()).engagements.add(engaged);
      }
    }
    return new ArrayList<>(leads.values());
  }

  private static RepHabit habitOf(String repId) {
    return generator.reps().stream()
        .filter(r -> r.profile().getRepId().equals(repId))
        .map(HistoryGenerator.Rep::habit)
        .findFirst()
        .orElse(null);
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / 60.0;
  }

  private static double median(Collection<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double share(int[] counts) {
    return (double) counts[0] / counts[1];
  }

  private static double rate(
      Map<RepHabit, Long> breaches, Map<RepHabit, Long> owned, RepHabit habit) {
    return (double) breaches.getOrDefault(habit, 0L) / owned.get(habit);
  }
}
