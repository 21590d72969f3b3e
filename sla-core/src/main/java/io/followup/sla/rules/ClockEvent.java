package io.followup.sla.rules;

import io.followup.sla.policy.RuleId;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock started or closed: what compliance is measured on (met or missed per rule, source and
 * rep), next to the alerts that only tell of trouble.
 *
 * @param key the leadId, or the accountId for an account-level rule
 * @param repId the rep responsible for the clock, or null
 * @param team that rep's team, or null
 * @param at when the clock started, or when it closed (for a satisfied clock: when the lead got
 *     what it was owed, e.g. the touch's occurredAt)
 * @param closure null for a start
 * @param breached for a close: whether the deadline passed first
 * @param firstTouch for a first-touch clock closed satisfied (in time or late): the time from its
 *     start (the hand-off) to what satisfied it, counted in the clock's calendar; null otherwise
 */
public record ClockEvent(
    RuleId rule,
    String key,
    String accountId,
    String source,
    String priority,
    String repId,
    String team,
    Instant startedAt,
    Instant dueAt,
    Instant at,
    Closure closure,
    boolean breached,
    Duration firstTouch) {

  /** A start, or a close that carries no time to first touch. */
  public ClockEvent(
      RuleId rule,
      String key,
      String accountId,
      String source,
      String priority,
      String repId,
      String team,
      Instant startedAt,
      Instant dueAt,
      Instant at,
      Closure closure,
      boolean breached) {
    this(
        rule, key, accountId, source, priority, repId, team, startedAt, dueAt, at, closure,
        breached, null);
  }

  /** Why a clock closed. */
  public enum Closure {
    /** The lead got what the rule asks for: a touch, an owner, an acceptance. */
    SATISFIED,
    /** The clock no longer applies: the lead was closed or reassigned, or the rule turned off. */
    STOPPED
  }

  public boolean isStart() {
    return closure == null;
  }

  /** Closed satisfied by its deadline: the SLA was met. */
  public boolean met() {
    return closure == Closure.SATISFIED && !breached;
  }
}
