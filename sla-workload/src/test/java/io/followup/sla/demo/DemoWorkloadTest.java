package io.followup.sla.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class DemoWorkloadTest {

  private static final Instant START = Instant.parse("2026-03-06T17:00:00Z");
  private static final long SEED = 20260306L;
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  /** The demo policy the story is timed against (the engine's, not the workload's). */
  private static final Duration FIRST_TOUCH_SLA = Duration.ofSeconds(45);

  private static final Duration FIRST_TOUCH_SLA_HOT = Duration.ofSeconds(20);

  private static final Set<String> SOURCES =
      Set.of(
          "INBOUND_FORM",
          "RFP_REQUEST",
          "CONTENT_SYNDICATION",
          "TRADE_SHOW",
          "WEBINAR",
          "PURCHASED_LIST",
          "REFERRAL");
  private static final Set<String> STATUSES =
      Set.of(
          "ASSIGNED",
          "ACCEPTED",
          "REJECTED",
          "NURTURE",
          "QUALIFIED",
          "DISQUALIFIED",
          "CONVERTED",
          "CLOSED");
  private static final Set<String> CHANNELS =
      Set.of("EMAIL", "CALL", "VOICEMAIL", "LINKEDIN", "MEETING", "SMS");
  private static final Set<String> GENERIC =
      Set.of("Just checking in", "Following up", "Touching base", "Circling back");

  private final DemoWorkload workload = new DemoWorkload(Clock.systemUTC(), SEED);

  @Test
  void theSameSeedAndStartTellTheSameStory() {
    List<SpecificRecord> once = workload.script(START, FIVE_MINUTES);
    List<SpecificRecord> again =
        new DemoWorkload(Clock.systemUTC(), SEED).script(START, FIVE_MINUTES);
    List<SpecificRecord> otherSeed =
        new DemoWorkload(Clock.systemUTC(), SEED + 1).script(START, FIVE_MINUTES);

    assertThat(again).isEqualTo(once);
    assertThat(otherSeed).isNotEqualTo(once);
    // A shorter script is the beginning of a longer one: live mode relies on this.
    List<SpecificRecord> shorter = workload.script(START, Duration.ofMinutes(2));
    assertThat(once.subList(0, shorter.size())).isEqualTo(shorter);
    assertThat(once.size()).isGreaterThan(shorter.size());
  }

  @Test
  void repProfilesComeFirstAndDescribeTheTeam() {
    List<SpecificRecord> script = workload.script(START, FIVE_MINUTES);
    List<RepProfile> reps = workload.reps();

    assertThat(reps).hasSize(8);
    assertThat(script.subList(0, reps.size())).containsExactlyElementsOf(reps);
    assertThat(script.subList(reps.size(), script.size())).noneMatch(e -> e instanceof RepProfile);

    Set<String> ids = reps.stream().map(RepProfile::getRepId).collect(Collectors.toSet());
    List<RepProfile> managers = reps.stream().filter(r -> r.getManagerId() == null).toList();
    assertThat(managers).hasSize(2);
    for (RepProfile rep : reps) {
      assertThat(rep.getRepId()).matches("R-[A-Z]+");
      assertThat(rep.getEmail()).endsWith("@lumenbio-supply.example");
      assertThat(ZoneId.of(rep.getTimeZone())).isNotNull();
      assertThat(rep.getWorkingHours()).isEqualTo("MON-FRI 09:00-17:00");
      assertThat(rep.getRegion()).isIn("US", "DE");
      assertThat(rep.getTeam()).isIn("East Biopharma", "West Diagnostics");
      assertThat(rep.getSlackMemberId()).matches("U[A-Z0-9]{8}");
      if (rep.getManagerId() != null) {
        assertThat(ids).contains(rep.getManagerId());
        assertThat(workload.habitOf(rep.getRepId())).isNotNull();
      }
    }
    assertThat(reps.stream().map(RepProfile::getSlackMemberId)).doesNotHaveDuplicates();
    assertThat(reps)
        .filteredOn(r -> r.getName().equals("Dana Ortiz"))
        .singleElement()
        .satisfies(dana -> assertThat(workload.habitOf(dana.getRepId())).isEqualTo(RepHabit.SLOW));
    assertThat(reps.stream().map(r -> workload.habitOf(r.getRepId())).filter(Objects::nonNull))
        .containsExactlyInAnyOrder(RepHabit.values());
  }

  @Test
  void everyEventHasItsFieldsAUniqueIdAndComesInTimeOrder() {
    List<SpecificRecord> script = workload.script(START, FIVE_MINUTES);
    Set<String> repIds =
        workload.reps().stream().map(RepProfile::getRepId).collect(Collectors.toSet());
    Set<String> eventIds = new HashSet<>();
    Instant previous = START;
    int events = 0;
    for (SpecificRecord e : script) {
      if (e instanceof RepProfile) {
        continue;
      }
      events++;
      Instant at = DemoWorkload.occurredAt(e);
      assertThat(at).isBetween(START, START.plus(FIVE_MINUTES)).isAfterOrEqualTo(previous);
      previous = at;
      assertThat(DemoWorkload.leadId(e)).matches("L-\\d{4,}");
      String eventId = (String) e.get(e.getSchema().getField("eventId").pos());
      assertThat(eventId).startsWith("demo-");
      assertThat(eventIds.add(eventId)).as("unique eventId %s", eventId).isTrue();

      if (e instanceof LeadCreated c) {
        assertThat(c.getAccountId()).matches("A-\\d{3,}");
        assertThat(c.getSource()).isIn(SOURCES);
        assertThat(c.getPriority()).isIn("HOT", "WARM", "COLD", null);
        if (c.getOwnerRepId() != null) {
          assertThat(repIds).contains(c.getOwnerRepId());
        }
        assertThat(c.getBuyingRole()).isNotBlank();
        assertThat(c.getAccountName()).isNotBlank();
        assertThat(c.getContactName()).isNotBlank();
        assertThat(c.getContactTitle()).isNotBlank();
        assertThat(c.getRegion()).isIn("NA", "EMEA");
      } else if (e instanceof LeadStatusChanged s) {
        assertThat(s.getStatus()).isIn(STATUSES);
        if (s.getStatus().equals("ASSIGNED") || s.getStatus().equals("ACCEPTED")) {
          assertThat(repIds).contains(s.getOwnerRepId());
        }
      } else if (e instanceof RepTouched t) {
        assertThat(repIds).contains(t.getRepId());
        assertThat(t.getChannel()).isIn(CHANNELS);
        assertThat(t.getDirection()).isIn("OUTBOUND", "INBOUND");
        assertThat(t.getSubject()).isNotBlank();
      } else if (e instanceof ContentEngaged c) {
        assertThat(c.getAccountId()).matches("A-\\d{3,}");
        assertThat(c.getAssetType()).isIn("WHITEPAPER", "WEBINAR", "PRICING_PAGE", "CASE_STUDY");
        assertThat(c.getAssetId()).isNotBlank();
        assertThat(c.getAssetTitle()).isNotBlank();
        assertThat(c.getIntentScore()).isBetween(0, 100);
      }
    }
    // A lead every 1-3 s for five minutes, each with a few events.
    assertThat(events).isGreaterThan(300);
  }

  @Test
  void everythingAboutALeadHappensAfterItWasCreated() {
    Map<String, Lead> leads = Lead.all(workload.script(START, FIVE_MINUTES));
    assertThat(leads).hasSizeGreaterThan(90);
    for (Lead lead : leads.values()) {
      assertThat(lead.created).as("LeadCreated of %s", lead.id).isNotNull();
      assertThat(lead.events.get(0)).isSameAs(lead.created);
      assertThat(lead.events.stream().filter(e -> e instanceof LeadCreated)).hasSize(1);
      lead.events.stream()
          .skip(1)
          .forEach(e -> assertThat(DemoWorkload.occurredAt(e)).isAfter(lead.createdAt()));
    }
  }

  @Test
  void theSlowRepTouchesOnlyAfterTheSlaHasPassed() {
    List<Lead> dana = Lead.ownedBy(workload.script(START, FIVE_MINUTES), "R-DANA");
    List<Lead> touched = dana.stream().filter(l -> l.firstOutboundTouch() != null).toList();
    assertThat(touched).hasSizeGreaterThanOrEqualTo(3);
    for (Lead lead : touched) {
      assertThat(Duration.between(lead.ownerAt, lead.firstOutboundTouch()))
          .as("Dana's first touch on %s", lead.id)
          .isGreaterThan(FIRST_TOUCH_SLA);
    }
  }

  @Test
  void theIgnorerNeverTouchesSyndicationLeadsButWorksTheRest() {
    List<Lead> lukas = Lead.ownedBy(workload.script(START, FIVE_MINUTES), "R-LUKAS");
    List<Lead> syndication =
        lukas.stream().filter(l -> l.created.getSource().equals("CONTENT_SYNDICATION")).toList();
    List<Lead> others =
        lukas.stream()
            .filter(
                l ->
                    !l.created.getSource().equals("CONTENT_SYNDICATION")
                        && l.ownerAt.isBefore(START.plus(FIVE_MINUTES).minusSeconds(15)))
            .toList();
    assertThat(syndication).isNotEmpty();
    assertThat(syndication).allSatisfy(l -> assertThat(l.touches()).isEmpty());
    assertThat(others).isNotEmpty();
    assertThat(others)
        .allSatisfy(
            l ->
                assertThat(Duration.between(l.ownerAt, l.firstOutboundTouch()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(12)));
  }

  @Test
  void theOneEmailRepSendsOneGenericEmailAndNothingElse() {
    List<Lead> kevin =
        Lead.ownedBy(workload.script(START, FIVE_MINUTES), "R-KEVIN").stream()
            .filter(l -> l.ownerAt.isBefore(START.plus(FIVE_MINUTES).minusSeconds(20)))
            .toList();
    assertThat(kevin).hasSizeGreaterThanOrEqualTo(3);
    for (Lead lead : kevin) {
      assertThat(lead.touches())
          .as("touches of %s", lead.id)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.getRepId()).isEqualTo("R-KEVIN");
                assertThat(t.getDirection()).isEqualTo("OUTBOUND");
                assertThat(t.getChannel()).isEqualTo("EMAIL");
                assertThat(t.getPersonalized()).isFalse();
                assertThat(t.getSubject()).isIn(GENERIC);
              });
    }
  }

  @Test
  void thePromptRepTouchesWithinSecondsAndKeepsACadence() {
    List<Lead> sam =
        Lead.ownedBy(workload.script(START, FIVE_MINUTES), "R-SAM").stream()
            .filter(l -> l.ownerAt.isBefore(START.plus(FIVE_MINUTES).minusSeconds(120)))
            .toList();
    assertThat(sam).hasSizeGreaterThanOrEqualTo(3);
    for (Lead lead : sam) {
      Duration firstTouch = Duration.between(lead.ownerAt, lead.firstOutboundTouch());
      assertThat(firstTouch).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10));
      assertThat(lead.touches())
          .filteredOn(t -> t.getDirection().equals("OUTBOUND"))
          .allSatisfy(t -> assertThat(t.getPersonalized()).isTrue());
    }
    double averageTouches =
        sam.stream().mapToInt(l -> l.outboundTouches().size()).average().orElse(0);
    assertThat(averageTouches).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void theSolidRepIsUsuallyQuickButSometimesMisses() {
    List<Lead> maya =
        Lead.ownedBy(workload.script(START, Duration.ofMinutes(30)), "R-MAYA").stream()
            .filter(l -> l.ownerAt.isBefore(START.plus(Duration.ofMinutes(27))))
            .toList();
    long quick =
        maya.stream()
            .filter(
                l ->
                    l.firstOutboundTouch() != null
                        && Duration.between(l.ownerAt, l.firstOutboundTouch())
                                .compareTo(Duration.ofSeconds(20))
                            <= 0)
            .count();
    long missed = maya.size() - quick;
    assertThat(quick).isGreaterThan(missed * 3);
    assertThat(missed).isPositive();
  }

  @Test
  void theFirstTenSecondsCreateALeadThatWillBreach() {
    Map<String, Lead> leads = Lead.all(workload.script(START, FIVE_MINUTES));
    List<Lead> early =
        leads.values().stream().filter(l -> l.createdAt().isBefore(START.plusSeconds(10))).toList();

    assertThat(early).anySatisfy(l -> assertThat(l.touches()).isEmpty());
    assertThat(early).anySatisfy(l -> assertThat(l.breachesFirstTouch()).isTrue());
    // The slow rep's hot lead breaches its 20 s SLA before the first half-minute is out.
    assertThat(early)
        .anySatisfy(
            l -> {
              assertThat(l.owner).isEqualTo("R-DANA");
              assertThat(l.firstTouchDeadline()).isBefore(START.plusSeconds(40));
              assertThat(l.breachesFirstTouch()).isTrue();
            });
  }

  @Test
  void breachesKeepComingWhileMostLeadsAreHandledInTime() {
    Map<String, Lead> leads = Lead.all(workload.script(START, Duration.ofMinutes(7)));
    int inTime = 0;
    int breached = 0;
    int[] breachesPerMinute = new int[5];
    for (Lead lead : leads.values()) {
      if (lead.owner == null || lead.createdAt().isAfter(START.plus(FIVE_MINUTES))) {
        continue;
      }
      if (lead.breachesFirstTouch()) {
        breached++;
        breachesPerMinute[(int) Duration.between(START, lead.createdAt()).toMinutes()]++;
      } else {
        inTime++;
      }
    }
    assertThat(breachesPerMinute).as("breaching leads created per minute").doesNotContain(0);
    assertThat(inTime).isGreaterThan(breached * 3 / 2);
  }

  @Test
  void someLeadsArriveUnassignedAndMostOfThoseGetAnOwnerLater() {
    Map<String, Lead> leads = Lead.all(workload.script(START, Duration.ofMinutes(20)));
    List<Lead> unassigned =
        leads.values().stream().filter(l -> l.created.getOwnerRepId() == null).toList();
    List<Lead> assignedLater = unassigned.stream().filter(l -> l.owner != null).toList();
    assertThat(unassigned).hasSizeBetween(leads.size() / 10, leads.size() / 3);
    assertThat(assignedLater).hasSizeGreaterThan(unassigned.size() / 2);
    assertThat(assignedLater)
        .allSatisfy(
            l ->
                assertThat(Duration.between(l.createdAt(), l.ownerAt))
                    .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(40)));
    assertThat(unassigned.size() - assignedLater.size()).isPositive();
  }

  @Test
  void leadsReEngageGetAcceptedAndSomeCloseOut() {
    List<SpecificRecord> script = workload.script(START, Duration.ofMinutes(20));
    Map<String, Lead> leads = Lead.all(script);
    List<Lead> engaged = leads.values().stream().filter(l -> !l.engagements().isEmpty()).toList();
    assertThat(engaged).hasSizeGreaterThan(leads.size() / 5);
    assertThat(engaged)
        .allSatisfy(
            l ->
                assertThat(l.engagements().get(0).getOccurredAt()).isAfter(l.firstOutboundTouch()));
    Map<String, Long> statuses =
        script.stream()
            .filter(e -> e instanceof LeadStatusChanged)
            .map(e -> ((LeadStatusChanged) e).getStatus())
            .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(statuses)
        .containsKeys("ASSIGNED", "ACCEPTED", "DISQUALIFIED", "NURTURE", "CONVERTED");
    assertThat(script)
        .filteredOn(e -> e instanceof RepTouched t && t.getDirection().equals("INBOUND"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(((RepTouched) e).getSubject()).startsWith("Re: "));
    // Nobody works a lead once it is converted, disqualified or back in nurture.
    for (Lead lead : leads.values()) {
      lead.closedAt()
          .ifPresent(
              closed ->
                  assertThat(lead.touches())
                      .allSatisfy(t -> assertThat(t.getOccurredAt()).isBefore(closed)));
    }
  }

  @Test
  void buyingGroupsHaveFiveToNinePeopleAboutSevenOnAverage() {
    Map<String, Lead> leads = Lead.all(workload.script(START, Duration.ofHours(2)));
    Map<String, List<Lead>> groups =
        leads.values().stream().collect(Collectors.groupingBy(l -> l.created.getAccountId()));
    double average = groups.values().stream().mapToInt(List::size).average().orElse(0);
    assertThat(average).isBetween(5.0, 9.0);
    assertThat(groups.values())
        .allSatisfy(
            g -> {
              assertThat(g).hasSizeLessThanOrEqualTo(9);
              assertThat(g.stream().map(l -> l.created.getContactName()).distinct())
                  .hasSize(g.size());
              assertThat(g.stream().map(l -> l.created.getAccountName()).distinct()).hasSize(1);
            });
    assertThat(groups.values().stream().map(g -> g.get(0).created.getAccountName()).distinct())
        .hasSize(groups.size());

    // About a dozen accounts are active at any time, not a hundred.
    Set<String> firstMinute =
        leads.values().stream()
            .filter(l -> l.createdAt().isBefore(START.plusSeconds(60)))
            .map(l -> l.created.getAccountId())
            .collect(Collectors.toSet());
    assertThat(firstMinute.size()).isBetween(6, 16);
  }

  @Test
  void livePlaysTheStoryInTimeOrderPerLeadWithTheInjectedClock() throws Exception {
    Clock yesterday = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    List<SpecificRecord> received = Collections.synchronizedList(new ArrayList<>());
    List<Instant> receivedAt = Collections.synchronizedList(new ArrayList<>());
    DemoEventSink sink =
        event -> {
          received.add(event);
          receivedAt.add(yesterday.instant());
        };
    DemoWorkload live =
        new DemoWorkload(yesterday, SEED, sink, Duration.ofMillis(100), Duration.ofMillis(300));
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(3);
    try {
      live.start(executor);
      assertThatThrownBy(() -> live.start(executor)).isInstanceOf(IllegalStateException.class);
      Thread.sleep(3_000);
      live.stop();
      // A send already under way when stop() ran may still land; nothing after it.
      Thread.sleep(100);
      int atStop = received.size();
      Thread.sleep(600);
      assertThat(received).hasSize(atStop);
      assertThat(live.isRunning()).isFalse();
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    List<SpecificRecord> events;
    synchronized (received) {
      events = List.copyOf(received);
    }
    assertThat(events.subList(0, 8)).containsExactlyElementsOf(live.reps());
    List<SpecificRecord> leadEvents = events.subList(8, events.size());
    assertThat(leadEvents).hasSizeGreaterThan(8);

    // The live run is the scripted story, sent as its time came.
    Instant startedAt = live.startedAt();
    assertThat(startedAt)
        .isBetween(
            Instant.now().minus(Duration.ofDays(1)).minusSeconds(10),
            Instant.now().minus(Duration.ofDays(1)));
    List<SpecificRecord> script = live.script(startedAt, Duration.ofSeconds(10));
    assertThat(events).isEqualTo(script.subList(0, events.size()));

    Map<String, Instant> lastPerLead = new HashMap<>();
    for (int i = 8; i < events.size(); i++) {
      SpecificRecord e = events.get(i);
      Instant at = DemoWorkload.occurredAt(e);
      Instant previous = lastPerLead.put(DemoWorkload.leadId(e), at);
      if (previous == null) {
        assertThat(e).isInstanceOf(LeadCreated.class);
      } else {
        assertThat(at).isAfterOrEqualTo(previous);
      }
      // Sent when due, by the same clock: not early, and not long after (a busy CI
      // machine can stall a thread for a moment).
      assertThat(receivedAt.get(i)).isBetween(at.minusMillis(50), at.plusMillis(3_000));
    }
  }

  @Test
  void aWorkloadWithoutASinkCanOnlyScript() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> workload.start(executor)).isInstanceOf(IllegalStateException.class);
    } finally {
      executor.shutdownNow();
    }
    assertThatThrownBy(
            () ->
                new DemoWorkload(
                    Clock.systemUTC(), 1, e -> {}, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** One lead's part of the story. */
  private static final class Lead {
    final String id;
    final List<SpecificRecord> events = new ArrayList<>();
    LeadCreated created;
    String owner;
    Instant ownerAt;

    Lead(String id) {
      this.id = id;
    }

    static Map<String, Lead> all(List<SpecificRecord> script) {
      Map<String, Lead> leads = new LinkedHashMap<>();
      for (SpecificRecord e : script) {
        String leadId = DemoWorkload.leadId(e);
        if (leadId == null) {
          continue;
        }
        Lead lead = leads.computeIfAbsent(leadId, Lead::new);
        lead.events.add(e);
        if (e instanceof LeadCreated c) {
          lead.created = c;
          if (c.getOwnerRepId() != null) {
            lead.owner = c.getOwnerRepId();
            lead.ownerAt = c.getOccurredAt();
          }
        } else if (e instanceof LeadStatusChanged s
            && s.getStatus().equals("ASSIGNED")
            && lead.owner == null) {
          lead.owner = s.getOwnerRepId();
          lead.ownerAt = s.getOccurredAt();
        }
      }
      return leads;
    }

    static List<Lead> ownedBy(List<SpecificRecord> script, String repId) {
      return all(script).values().stream().filter(l -> repId.equals(l.owner)).toList();
    }

    Instant createdAt() {
      return created.getOccurredAt();
    }

    List<RepTouched> touches() {
      return events.stream().filter(e -> e instanceof RepTouched).map(e -> (RepTouched) e).toList();
    }

    List<RepTouched> outboundTouches() {
      return touches().stream().filter(t -> t.getDirection().equals("OUTBOUND")).toList();
    }

    List<ContentEngaged> engagements() {
      return events.stream()
          .filter(e -> e instanceof ContentEngaged)
          .map(e -> (ContentEngaged) e)
          .toList();
    }

    Instant firstOutboundTouch() {
      return outboundTouches().stream().map(RepTouched::getOccurredAt).findFirst().orElse(null);
    }

    java.util.Optional<Instant> closedAt() {
      return events.stream()
          .filter(
              e ->
                  e instanceof LeadStatusChanged s
                      && Set.of("DISQUALIFIED", "NURTURE", "CONVERTED").contains(s.getStatus()))
          .map(DemoWorkload::occurredAt)
          .findFirst();
    }

    Instant acceptedAt() {
      return events.stream()
          .filter(e -> e instanceof LeadStatusChanged s && s.getStatus().equals("ACCEPTED"))
          .map(DemoWorkload::occurredAt)
          .findFirst()
          .orElse(null);
    }

    /**
     * The demo policy: 20 s for RFPs and hot leads, 45 s for the rest, from the hand-off to a rep.
     */
    Instant firstTouchDeadline() {
      boolean hot =
          "HOT".equals(created.getPriority()) || "RFP_REQUEST".equals(created.getSource());
      return ownerAt.plus(hot ? FIRST_TOUCH_SLA_HOT : FIRST_TOUCH_SLA);
    }

    /** Neither a touch nor an acceptance (both stop the clock) before the deadline. */
    boolean breachesFirstTouch() {
      Instant deadline = firstTouchDeadline();
      Instant touch = firstOutboundTouch();
      Instant accepted = acceptedAt();
      boolean stopped =
          (touch != null && touch.isBefore(deadline))
              || (accepted != null && accepted.isBefore(deadline));
      boolean closedFirst = closedAt().map(c -> c.isBefore(deadline)).orElse(false);
      return !stopped && !closedFirst;
    }
  }
}
