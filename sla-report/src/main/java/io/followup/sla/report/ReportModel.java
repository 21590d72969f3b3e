package io.followup.sla.report;

import io.followup.sla.policy.RuleId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a replay report shows, computed once by {@link ReplayReport#model}: plain numbers, so the
 * renderer only lays them out and tests can check them without parsing HTML.
 *
 * @param firstEventAt the earliest lead event's occurredAt, or null when there were none
 * @param lastEventAt the latest lead event's occurredAt, or null when there were none
 * @param asOf the replay time the report describes: clocks still open then count as running or, if
 *     past due, missed
 * @param alertsByKind every alert kind (WARNING, BREACHED, ESCALATED, RESOLVED) with its count
 * @param compliance one entry per rule that ran at least one clock, in rule order
 */
public record ReportModel(
    String policyId,
    String policyVersion,
    Instant firstEventAt,
    Instant lastEventAt,
    Instant asOf,
    long leads,
    long events,
    Map<String, Long> alertsByKind,
    List<RuleCompliance> compliance,
    FirstTouchTimes firstTouch,
    Coverage coverage,
    Offenders offenders) {

  /**
   * How the clocks of one group ended.
   *
   * @param met closed satisfied by their deadline
   * @param missed the deadline passed first: satisfied late, stopped after the breach, or still
   *     open past due at {@code asOf}
   * @param stopped ended before the deadline without being satisfied (the lead was closed or
   *     reassigned): neither met nor missed
   * @param running still open and not yet due at {@code asOf}
   */
  public record Tally(long met, long missed, long stopped, long running) {

    /** met / (met + missed), or null when no clock was decided. */
    public Double compliance() {
      long decided = met + missed;
      return decided == 0 ? null : (double) met / decided;
    }
  }

  /** One row of a compliance table: a source or a rep. */
  public record Row(String key, String label, Tally tally) {}

  /**
   * One rule's compliance.
   *
   * @param byRep empty for a rule whose clocks have no rep (such as unassigned)
   */
  public record RuleCompliance(RuleId rule, Tally total, List<Row> bySource, List<Row> byRep) {}

  /**
   * A distribution of durations.
   *
   * @param median null when there are no samples
   * @param p90 null when there are no samples
   * @param bucketCounts one count per {@link FirstTouchTimes#buckets()} entry
   */
  public record Distribution(long count, Duration median, Duration p90, List<Long> bucketCounts) {}

  /** A histogram bucket, from inclusive to exclusive; {@code to} is null for the open last one. */
  public record Bucket(Duration from, Duration to) {}

  /** A distribution for one group, such as a source or a rep. */
  public record NamedDistribution(String key, String label, Distribution distribution) {}

  /**
   * Time to first touch, measured on first-touch clocks that closed satisfied: from the hand-off to
   * a rep (creation with an owner, or assignment) to that rep's first touch or acceptance.
   *
   * @param buckets log-ish buckets from seconds to days, trimmed to the range the data spans
   * @param stillWaiting first-touch clocks still open at {@code asOf}: no touch yet, not counted
   */
  public record FirstTouchTimes(
      List<Bucket> buckets,
      Distribution overall,
      List<NamedDistribution> bySource,
      long stillWaiting) {}

  /**
   * An account's buying group.
   *
   * @param openLeads leads of the account not closed, rejected, nurtured, disqualified or converted
   * @param touchedLeads of those, how many got at least one rep touch
   * @param ruleBreaches missed buying-group-coverage clocks of the account (0 until the rule runs)
   */
  public record AccountCoverage(
      String accountId, String accountName, int openLeads, int touchedLeads, long ruleBreaches) {

    public double coverage() {
      return openLeads == 0 ? 1.0 : (double) touchedLeads / openLeads;
    }
  }

  /**
   * Buying-group coverage per account, least covered first.
   *
   * @param fromRule true when the buying-group-coverage rule ran clocks in this replay, so {@link
   *     AccountCoverage#ruleBreaches()} is meaningful
   */
  public record Coverage(
      List<AccountCoverage> accounts,
      int accountCount,
      long openLeads,
      long touchedLeads,
      boolean fromRule) {}

  /**
   * A rep's record across every rule.
   *
   * @param breaches missed clocks of every rule that names the rep
   * @param firstTouch the rep's time to first touch
   */
  public record RepRecord(
      String repId, String name, long breaches, Tally all, Distribution firstTouch) {}

  /**
   * A breach and how long it stayed open: from the deadline to the touch, assignment or stop that
   * ended it, or to {@code asOf} when it is still open.
   *
   * @param endedAt null while still open
   */
  public record LongBreach(
      String leadId,
      RuleId rule,
      String repId,
      String repName,
      String source,
      Instant dueAt,
      Instant endedAt,
      Duration openFor) {}

  /** The worst offenders. */
  public record Offenders(
      List<RepRecord> mostBreaches, List<RepRecord> slowestFirstTouch, List<LongBreach> breaches) {}
}
