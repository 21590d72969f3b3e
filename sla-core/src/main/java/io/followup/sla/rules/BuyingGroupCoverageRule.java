package io.followup.sla.rules;

import static io.followup.sla.alerts.AlertText.duration;
import static io.followup.sla.alerts.AlertText.time;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every open member of an account's buying group (the open leads of one accountId) must get at
 * least N touches (personalised ones, where the policy says so) within D days of the account's
 * first hand-off to sales: calling one person of a group of seven is not coverage.
 *
 * <p>The account-level rule core, with the same clock lifecycle as the lead rules; its drivers feed
 * it {@link BuyingGroupMember} views of the account's leads.
 */
public final class BuyingGroupCoverageRule {

  private static final RuleId RULE = RuleId.BUYING_GROUP_COVERAGE;
  private static final int NAMES_IN_SUMMARY = 5;

  private final ClockCalendars calendars = new ClockCalendars();

  public static BuyingGroupCoverageRule standard() {
    return new BuyingGroupCoverageRule();
  }

  /** Takes a fresh view of one member; the newest view of each lead wins. */
  public Outcome<AccountState> onMember(
      AccountState current,
      BuyingGroupMember member,
      Policy policy,
      RepDirectory reps,
      Instant now) {
    AccountState state = current == null ? AccountState.empty(member.accountId()) : current;
    List<SlaAlert> alerts = new ArrayList<>();
    List<ClockEvent> clocks = new ArrayList<>();
    Instant justBefore = member.at().minusNanos(1);
    state = advance(state, policy, justBefore.isBefore(now) ? justBefore : now, reps, now, alerts);

    BuyingGroupMember known = state.getMembers().get(member.leadId());
    if (known == null || !member.at().isBefore(known.at())) {
      state = state.withMember(member);
    }
    if (member.accountName() != null) {
      state = state.withAccountName(member.accountName());
    }
    state = reconcile(state, policy, reps, now, alerts, clocks);
    return Outcome.between(current, state, Outcome::deadlinesOf, alerts, clocks, null);
  }

  /** Looks at the account's clock when its deadline came due. */
  public Outcome<AccountState> onDeadline(
      AccountState current, Deadline due, Policy policy, RepDirectory reps, Instant now) {
    if (current == null) {
      return Outcome.stale(due);
    }
    List<SlaAlert> alerts = new ArrayList<>();
    AccountState state = advance(current, policy, now, reps, now, alerts);
    return Outcome.between(current, state, Outcome::deadlinesOf, alerts, List.of(), due);
  }

  private AccountState advance(
      AccountState state,
      Policy policy,
      Instant until,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts) {
    if (state.getClock() == null) {
      return state;
    }
    RulePolicy settings = policy.settings(RULE);
    return state.withClock(
        ClockStages.advance(
            state.getClock(),
            until,
            (clock, kind) ->
                alerts.add(
                    alert(
                        kind,
                        state,
                        clock,
                        pending(kind, state, clock, settings, now, reps),
                        now,
                        reps,
                        policy))));
  }

  private AccountState reconcile(
      AccountState state,
      Policy policy,
      RepDirectory reps,
      Instant now,
      List<SlaAlert> alerts,
      List<ClockEvent> clocks) {
    Optional<RulePolicy> rulePolicy = policy.rule(RULE);
    AccountState before = state;
    Optional<ClockDemand> demand = rulePolicy.flatMap(p -> demand(before, p));
    SlaClock existing = state.getClock();
    if (existing != null
        && (demand.isEmpty() || !demand.get().startedAt().equals(existing.startedAt()))) {
      RulePolicy settings = policy.settings(RULE);
      ClockClosure closure = closure(state, existing, settings, now);
      if (existing.stage().alerted()) {
        alerts.add(
            alert(
                AlertKind.RESOLVED,
                state,
                existing,
                resolved(state, existing, closure, settings, now, reps.zoneOf(existing.repId())),
                now,
                reps,
                policy));
      }
      boolean late =
          closure.kind() == ClockEvent.Closure.SATISFIED && closure.at().isAfter(existing.dueAt());
      clocks.add(
          clockEvent(
              state,
              existing,
              closure.at(),
              closure.kind(),
              existing.stage().breached() || late,
              reps));
      state = state.withClock(null);
      existing = null;
    }
    if (existing == null && demand.isPresent()) {
      SlaClock started =
          ClockStages.start(
              RULE,
              state.getAccountId(),
              demand.get(),
              rulePolicy.get(),
              policy.version(),
              calendars.forClock(rulePolicy.get(), policy, demand.get().repId(), reps));
      state = state.withClock(started);
      clocks.add(clockEvent(state, started, started.startedAt(), null, false, reps));
    }
    return state;
  }

  /**
   * A clock from the first hand-off while the account has a buying group and any of its open
   * members is short of touches.
   */
  private static Optional<ClockDemand> demand(AccountState state, RulePolicy policy) {
    Instant handoff = state.handedOffAt();
    if (handoff == null || !hasGroup(state, policy) || !anyUncovered(state, policy)) {
      return Optional.empty();
    }
    // The owner of the open member handed off first (the first such, of several at once).
    BuyingGroupMember first = null;
    for (BuyingGroupMember m : state.getMembers().values()) {
      if (m.open()
          && m.ownerRepId() != null
          && m.handedOffAt() != null
          && (first == null || m.handedOffAt().isBefore(first.handedOffAt()))) {
        first = m;
      }
    }
    return Optional.of(
        new ClockDemand(handoff, policy.sla(), first == null ? null : first.ownerRepId()));
  }

  // Loops rather than streams below: the rule looks at its members on every member's event.
  private static List<BuyingGroupMember> open(AccountState state) {
    List<BuyingGroupMember> open = new ArrayList<>(state.getMembers().size());
    for (BuyingGroupMember m : state.getMembers().values()) {
      if (m.open()) {
        open.add(m);
      }
    }
    return open;
  }

  /** One open lead is a contact (touch-cadence watches it), not a buying group. */
  private static boolean hasGroup(AccountState state, RulePolicy policy) {
    int open = 0;
    for (BuyingGroupMember m : state.getMembers().values()) {
      if (m.open()) {
        open++;
      }
    }
    return open >= policy.membersNeeded();
  }

  private static boolean anyUncovered(AccountState state, RulePolicy policy) {
    for (BuyingGroupMember m : state.getMembers().values()) {
      if (m.open() && !m.covered(policy)) {
        return true;
      }
    }
    return false;
  }

  /** Members who left the group while the clock ran, short of their touches when they left. */
  private static List<BuyingGroupMember> leftShort(
      AccountState state, SlaClock clock, RulePolicy policy) {
    return state.getMembers().values().stream()
        .filter(m -> !m.open() && !m.at().isBefore(clock.startedAt()))
        .filter(m -> !m.covered(policy))
        .toList();
  }

  private static List<BuyingGroupMember> uncovered(AccountState state, RulePolicy policy) {
    return open(state).stream().filter(m -> !m.covered(policy)).toList();
  }

  private static ClockClosure closure(
      AccountState state, SlaClock clock, RulePolicy policy, Instant now) {
    List<BuyingGroupMember> open = open(state);
    if (!hasGroup(state, policy) || anyUncovered(state, policy)) {
      return ClockClosure.stopped(now);
    }
    // Covered when the last member got the touch that made its count, or the last member short
    // of it left, whichever came later.
    Instant covered = clock.startedAt();
    for (BuyingGroupMember m : leftShort(state, clock, policy)) {
      covered = m.at().isAfter(covered) ? m.at() : covered;
    }
    for (BuyingGroupMember m : open) {
      if (m.coveredAt() != null && m.coveredAt().isAfter(covered)) {
        covered = m.coveredAt();
      }
    }
    return ClockClosure.satisfied(covered);
  }

  private static String pending(
      AlertKind kind,
      AccountState state,
      SlaClock clock,
      RulePolicy policy,
      Instant now,
      RepDirectory reps) {
    List<BuyingGroupMember> short_ = uncovered(state, policy);
    int open = open(state).size();
    // In the account owner's zone: the owner is the rep the alert names.
    ZoneId zone = reps.zoneOf(clock.repId());
    String touches =
        policy.touchesOwed()
            + (policy.countOnlyPersonalized() ? " personalised touches" : " touches");
    String who =
        short_.stream()
            .limit(NAMES_IN_SUMMARY)
            .map(
                m ->
                    memberName(m)
                        + " ("
                        + (m.buyingRole() != null ? m.buyingRole() + ", " : "")
                        + m.touches()
                        + ")")
            .collect(Collectors.joining(", "));
    if (short_.size() > NAMES_IN_SUMMARY) {
      who += " and " + (short_.size() - NAMES_IN_SUMMARY) + " more";
    }
    String account =
        "Account "
            + accountName(state)
            + ": "
            + short_.size()
            + " of "
            + open
            + " buying-group members have fewer than "
            + touches
            + " since the hand-off at "
            + time(clock.startedAt(), zone);
    String owner = clock.repId() == null ? "" : "; account owner " + reps.nameOf(clock.repId());
    return switch (kind) {
      case WARNING ->
          account + ", coverage is due " + time(clock.dueAt(), zone) + ": " + who + owner + ".";
      case BREACHED ->
          account + ", coverage was due " + time(clock.dueAt(), zone) + ": " + who + owner + ".";
      case ESCALATED -> {
        yield "Escalated to manager "
            + reps.managerNameOf(clock.repId())
            + ": "
            + account
            + ", "
            + duration(Duration.between(clock.dueAt(), now))
            + " after coverage was due: "
            + who
            + owner
            + ".";
      }
      case RESOLVED -> account;
    };
  }

  private static String resolved(
      AccountState state,
      SlaClock clock,
      ClockClosure closure,
      RulePolicy policy,
      Instant now,
      ZoneId zone) {
    String account = "Account " + accountName(state);
    if (closure.kind() == ClockEvent.Closure.STOPPED) {
      if (!hasGroup(state, policy)) {
        return account
            + " no longer has a buying group of "
            + policy.membersNeeded()
            + " open leads.";
      }
      return policy.enabled()
          ? account + ": coverage is now counted from an earlier hand-off."
          : account + ": the policy no longer watches buying-group coverage.";
    }
    List<BuyingGroupMember> left = leftShort(state, clock, policy);
    if (left.stream().anyMatch(m -> !m.at().isBefore(closure.at()))) {
      // The group was complete when the last short member left, not when a touch was made.
      return account + ": " + leavers(left) + "; every remaining open member has its touches.";
    }
    String timing =
        closure.at().isAfter(clock.dueAt())
            ? duration(Duration.between(clock.dueAt(), closure.at())) + " after coverage was due."
            : clock.stage().breached()
                ? "in time (recorded late); the breach is withdrawn."
                : "in time.";
    return account
        + ": every open buying-group member has its touches since "
        + time(closure.at(), zone)
        + ", "
        + timing;
  }

  /** "Maria Chen [L-7] left the buying group (disqualified)", or several with their statuses. */
  private static String leavers(List<BuyingGroupMember> left) {
    if (left.size() == 1) {
      return memberName(left.get(0)) + " left the buying group" + why(left.get(0));
    }
    List<String> names = new ArrayList<>();
    left.stream().limit(NAMES_IN_SUMMARY).forEach(m -> names.add(memberName(m) + why(m)));
    String last =
        left.size() > NAMES_IN_SUMMARY
            ? (left.size() - NAMES_IN_SUMMARY) + " more"
            : names.remove(names.size() - 1);
    return String.join(", ", names) + " and " + last + " left the buying group";
  }

  private static String why(BuyingGroupMember m) {
    return m.status() == null ? "" : " (" + m.status().toLowerCase(Locale.ROOT) + ")";
  }

  private static String accountName(AccountState state) {
    return state.getAccountName() != null
        ? state.getAccountName() + " (" + state.getAccountId() + ")"
        : state.getAccountId();
  }

  private static String memberName(BuyingGroupMember m) {
    return m.contactName() != null ? m.contactName() + " [" + m.leadId() + "]" : m.leadId();
  }

  private static SlaAlert alert(
      AlertKind kind,
      AccountState state,
      SlaClock clock,
      String summary,
      Instant now,
      RepDirectory reps,
      Policy policy) {
    RulePolicy settings = policy.settings(RULE);
    return AlertFactory.alert(kind, clock, summary, now, reps, policy)
        .setLeadId(null)
        .setAccountId(state.getAccountId())
        .setUncoveredLeadIds(
            kind == AlertKind.RESOLVED
                ? List.of()
                : uncovered(state, settings).stream().map(BuyingGroupMember::leadId).toList())
        .build();
  }

  private static ClockEvent clockEvent(
      AccountState state,
      SlaClock clock,
      Instant at,
      ClockEvent.Closure closure,
      boolean breached,
      RepDirectory reps) {
    return new ClockEvent(
        RULE,
        state.getAccountId(),
        state.getAccountId(),
        null,
        null,
        clock.repId(),
        reps.teamOf(clock.repId()),
        clock.startedAt(),
        clock.dueAt(),
        at,
        closure,
        breached);
  }
}
