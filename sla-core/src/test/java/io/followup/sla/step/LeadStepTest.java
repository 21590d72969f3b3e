package io.followup.sla.step;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.replay.InMemoryRetention;
import io.followup.sla.replay.InMemoryStore;
import io.followup.sla.replay.InMemoryTimeIndex;
import io.followup.sla.review.InMemoryReviewPorts;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamClocks;
import io.followup.sla.review.WeeklyReviewFold;
import io.followup.sla.rules.AlertKind;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.ClockClosure;
import io.followup.sla.rules.ClockDemand;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.Deadline;
import io.followup.sla.rules.FirstTouchRule;
import io.followup.sla.rules.LeadRule;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SeenEvent;
import io.followup.sla.rules.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadStepTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();
  private static final StepSettings SETTINGS =
      new StepSettings(Duration.ofDays(7), Duration.ofDays(90), 100);

  private final InMemoryStore<LeadState> leads = new InMemoryStore<>();
  private final InMemoryTimeIndex deadlines = new InMemoryTimeIndex();
  private final List<SlaAlert> alerts = new ArrayList<>();
  private final List<BuyingGroupMember> members = new ArrayList<>();
  private final LeadPorts ports =
      new LeadPorts(leads, deadlines, new InMemoryRetention(), alerts::add, members::add);
  private final LeadStep step = new LeadStep(LeadRuleEngine.standard(), SETTINGS);

  @Test
  void anEventSeenWithinTheWindowIsDroppedAndOneSeenLongBeforeIsApplied() {
    RepTouched first = touch("L-1", h(1), "R-DANA");
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));

    assertThat(step.onEvent(first, ports, POLICY, REPS, at(h(1)))).isTrue();
    assertThat(step.onEvent(first, ports, POLICY, REPS, at(h(2)))).isFalse();
    assertThat(leads.get("L-1").getTouches()).hasSize(1);

    // Past the window the id is forgotten: the same id counts again, as live after 7 days.
    assertThat(step.onEvent(first, ports, POLICY, REPS, at(h(1 + 7 * 24 + 1)))).isTrue();
  }

  @Test
  void theSeenIdsLiveInTheLeadsStateAndThoseOlderThanTheWindowAreLetGo() {
    LeadCreated created = created("L-1", h(0), "INBOUND_FORM", null, "R-DANA");
    RepTouched touched = touch("L-1", h(1), "R-DANA");
    step.onEvent(created, ports, POLICY, REPS, at(h(0)));
    step.onEvent(touched, ports, POLICY, REPS, at(h(1)));

    assertThat(leads.get("L-1").getSeenEvents())
        .extracting(SeenEvent::eventId, SeenEvent::at)
        .containsExactly(
            tuple(created.getEventId(), at(h(0))), tuple(touched.getEventId(), at(h(1))));

    // A week and a half later only the newest id is left: the state does not grow with history.
    RepTouched later = touch("L-1", h(250), "R-DANA");
    step.onEvent(later, ports, POLICY, REPS, at(h(250)));

    assertThat(leads.get("L-1").getSeenEvents())
        .extracting(SeenEvent::eventId)
        .containsExactly(later.getEventId());
  }

  @Test
  void aLeadRemembersAtMostItsNewestIdsSoAFloodCannotGrowItsState() {
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    List<RepTouched> touches = new ArrayList<>();
    for (int i = 1; i <= LeadStep.MAX_SEEN + 5; i++) {
      RepTouched t = touch("L-1", h(i / 100.0), "R-DANA");
      touches.add(t);
      assertThat(step.onEvent(t, ports, POLICY, REPS, at(h(1)))).isTrue();
    }

    LeadState lead = leads.get("L-1");
    assertThat(lead.getSeenEvents()).hasSize(LeadStep.MAX_SEEN);
    RepTouched newest = touches.get(touches.size() - 1);
    assertThat(lead.getSeenEvents().get(LeadStep.MAX_SEEN - 1).eventId())
        .isEqualTo(newest.getEventId());
    // The newest are still dropped as duplicates.
    assertThat(step.onEvent(newest, ports, POLICY, REPS, at(h(2)))).isFalse();
  }

  /**
   * Live, a touch can arrive after its deadline passed but before the scan that would have fired
   * it: the step then tells of the breach and of the late close together. The breach comes first,
   * as it happened, so the weekly review counts the clock missed once and does not keep it at risk.
   */
  @Test
  void aCloseThatOvertakesItsDeadlinesScanComesAfterTheBreachItEnds() {
    List<String> told = new ArrayList<>();
    WeeklyReviewFold fold = new WeeklyReviewFold();
    InMemoryReviewPorts review = new InMemoryReviewPorts();
    StepOutput<LeadState> output =
        new StepOutput<>() {
          @Override
          public void alert(SlaAlert alert) {
            told.add(alert.getKind());
            TeamClocks.fromAlert(
                SlaAlert.newBuilder(alert).setTeam("West").build(), (team, c) -> fold(c));
          }

          @Override
          public void clockChanged(ClockEvent event) {
            if (!event.isStart()) {
              told.add(event.breached() ? "closed late" : "closed");
            }
            TeamClock ended = TeamClock.of(event);
            if (ended != null) {
              fold(ended);
            }
          }

          private void fold(TeamClock clock) {
            fold.onClock("West", clock, ZoneOffset.UTC, at(h(30)), review, REPS);
          }
        };
    LeadPorts ports = new LeadPorts(leads, deadlines, new InMemoryRetention(), output, m -> {});
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));

    // The deadline (24 hours for an inbound form) has passed; no scan has fired it yet.
    step.onEvent(touch("L-1", h(30), "R-DANA"), ports, POLICY, REPS, at(h(30)));

    assertThat(told).containsSubsequence("BREACHED", "closed late");
    assertThat(review.openClocks("West")).as("nothing left at risk").isEmpty();
    TeamWeeklyReview closed =
        fold.onTick(Instant.parse("2026-03-09T00:00:00Z"), review, REPS).get(0);
    assertThat(closed.getByRule())
        .filteredOn(l -> l.getName().equals("first-touch"))
        .extracting(l -> l.getMet(), l -> l.getMissed())
        .containsExactly(tuple(0, 1));
    assertThat(closed.getAtRiskCount()).isZero();
  }

  @Test
  void anEventTheRulesFailedOnIsNotRememberedSoItsCorrectedResendIsApplied() {
    LeadStep failing = new LeadStep(new LeadRuleEngine(List.of(new FailsOnRfp())), SETTINGS);
    LeadCreated rfp = created("L-9", h(0), "RFP_REQUEST", null, "R-DANA");

    assertThatThrownBy(() -> failing.onEvent(rfp, ports, POLICY, REPS, at(h(0))))
        .hasMessageContaining("RFP");

    LeadCreated fixed = LeadCreated.newBuilder(rfp).setSource("INBOUND_FORM").build();
    assertThat(failing.onEvent(fixed, ports, POLICY, REPS, at(h(0)))).isTrue();
    assertThat(leads.get("L-9").getSource()).isEqualTo("INBOUND_FORM");
  }

  @Test
  void theAccountHearsOfALeadOnlyWhenWhatItSeesChanged() {
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    assertThat(members).hasSize(1);

    // ACCEPTED changes nothing the buying group sees.
    step.onEvent(status("L-1", h(1), "ACCEPTED", null), ports, POLICY, REPS, at(h(1)));
    assertThat(members).hasSize(1);

    step.onEvent(touch("L-1", h(2), "R-DANA"), ports, POLICY, REPS, at(h(2)));
    step.onEvent(status("L-1", h(3), "DISQUALIFIED", null), ports, POLICY, REPS, at(h(3)));
    assertThat(members).hasSize(3);
    assertThat(members.get(2).open()).isFalse();
  }

  @Test
  void dueDeadlinesFireOnATickAndOnlyThoseThatAreDue() {
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    step.onEvent(
        created("L-2", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));

    assertThat(step.onTick(ports, POLICY, REPS, at(h(1)))).isEmpty();
    step.onTick(ports, POLICY, REPS, at(h(25)));

    assertThat(alerts)
        .extracting(SlaAlert::getLeadId, SlaAlert::getKind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("L-1", AlertKind.BREACHED.name()),
            org.assertj.core.groups.Tuple.tuple("L-2", AlertKind.BREACHED.name()));
  }

  @Test
  void aClosedLeadIsForgottenAfterRetentionAndAnOpenOneIsKept() {
    step.onEvent(
        created("L-1", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    step.onEvent(
        created("L-2", h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    step.onEvent(status("L-1", h(1), "DISQUALIFIED", null), ports, POLICY, REPS, at(h(1)));

    step.onTick(ports, POLICY, REPS, at(h(1 + 89 * 24)));
    assertThat(leads.get("L-1")).as("within retention").isNotNull();

    step.onTick(ports, POLICY, REPS, at(h(1 + 90 * 24)));
    assertThat(leads.get("L-1")).as("retention ran out").isNull();
    assertThat(leads.get("L-2")).as("open, however quiet").isNotNull();
  }

  @Test
  void aTickDoesNoMoreThanItsBound() {
    LeadStep bounded =
        new LeadStep(
            LeadRuleEngine.standard(),
            new StepSettings(Duration.ofDays(7), Duration.ofDays(90), 3));
    for (int i = 0; i < 5; i++) {
      bounded.onEvent(
          created("L-" + i, h(0), "INBOUND_FORM", null, "R-DANA"), ports, POLICY, REPS, at(h(0)));
    }
    assertThat(bounded.onTick(ports, POLICY, REPS, at(h(100)))).hasSize(3);
    assertThat(bounded.onTick(ports, POLICY, REPS, at(h(100)))).hasSize(2);
  }

  @Test
  void aDeadlineTheRulesFailOnIsDroppedAndTheOthersStillFire() {
    List<Deadline> failed = new ArrayList<>();
    LeadPorts reporting =
        new LeadPorts(
            leads,
            deadlines,
            new InMemoryRetention(),
            new StepOutput<>() {
              @Override
              public void alert(SlaAlert alert) {
                alerts.add(alert);
              }

              @Override
              public void deadlineFailed(Deadline deadline, RuntimeException failure) {
                failed.add(deadline);
              }
            },
            members::add);
    LeadStep failing =
        new LeadStep(
            new LeadRuleEngine(List.of(new FailsOnRfpWhenDue(), new FirstTouchRule())), SETTINGS);
    failing.onEvent(
        created("L-RFP", h(0), "RFP_REQUEST", null, "R-DANA"), reporting, POLICY, REPS, at(h(0)));
    failing.onEvent(
        created("L-OK", h(0), "INBOUND_FORM", null, "R-DANA"), reporting, POLICY, REPS, at(h(0)));

    failing.onTick(reporting, POLICY, REPS, at(h(100)));

    assertThat(failed).extracting(Deadline::key).containsExactly("L-RFP");
    assertThat(alerts).extracting(SlaAlert::getLeadId).contains("L-OK");
    // Dropped from the index: the next tick does not trip over it again.
    failed.clear();
    failing.onTick(reporting, POLICY, REPS, at(h(200)));
    assertThat(failed).isEmpty();
  }

  /** Demands an unassigned-style clock for RFP leads, then throws when it comes due. */
  private static final class FailsOnRfpWhenDue implements LeadRule {
    @Override
    public RuleId id() {
      return RuleId.UNASSIGNED;
    }

    @Override
    public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
      return "RFP_REQUEST".equals(lead.getSource())
          ? Optional.of(new ClockDemand(lead.getCreatedAt(), Duration.ofHours(1), null))
          : Optional.empty();
    }

    @Override
    public String pendingSummary(
        AlertKind kind,
        LeadState lead,
        SlaClock clock,
        RulePolicy policy,
        Instant now,
        RepDirectory reps) {
      throw new IllegalStateException("a defect in the wording of " + kind);
    }

    @Override
    public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
      return ClockClosure.stopped(now);
    }

    @Override
    public String resolvedSummary(
        LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
      return "";
    }
  }

  /** A rule with a defect: it throws for RFP leads. */
  private static final class FailsOnRfp implements LeadRule {
    @Override
    public RuleId id() {
      return RuleId.FIRST_TOUCH;
    }

    @Override
    public Optional<ClockDemand> demand(LeadState lead, RulePolicy policy) {
      if ("RFP_REQUEST".equals(lead.getSource())) {
        throw new IllegalStateException("cannot handle an RFP");
      }
      return Optional.empty();
    }

    @Override
    public String pendingSummary(
        AlertKind kind,
        LeadState lead,
        SlaClock clock,
        RulePolicy policy,
        Instant now,
        RepDirectory reps) {
      return "";
    }

    @Override
    public ClockClosure closure(LeadState lead, SlaClock clock, RulePolicy policy, Instant now) {
      return ClockClosure.stopped(now);
    }

    @Override
    public String resolvedSummary(
        LeadState lead, SlaClock clock, RulePolicy policy, Instant now, RepDirectory reps) {
      return "";
    }
  }
}
