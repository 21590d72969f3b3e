package io.followup.sla.streams;

/** The engine's state stores; their changelogs are named after them. */
public final class StoreNames {

  /** leadId to the lead's state (facts and running clocks). */
  public static final String LEAD_STATE = "lead-state";

  /** (deadline, rule, leadId) to nothing: what the punctuator scans. */
  public static final String DEADLINE_INDEX = "deadline-index";

  /** (time, leadId) to nothing: when to forget a lead that has no running clock. */
  public static final String LEAD_RETENTION = "lead-retention-index";

  /** (time, accountId) to nothing: when to forget an account that has no running clock. */
  public static final String ACCOUNT_RETENTION = "account-retention-index";

  /** accountId to the account's buying group and coverage clock. */
  public static final String ACCOUNT_STATE = "account-state";

  /** (deadline, rule, accountId) to nothing: the account processor's deadline index. */
  public static final String ACCOUNT_DEADLINES = "account-deadline-index";

  /** policyId to its last published SlaPolicy, a global store fed by sla.policies. */
  public static final String POLICIES = "policies";

  /** "rule/STAGE" to how many of the task's clocks are open at that stage, for the gauges. */
  public static final String OPEN_CLOCK_COUNTS = "open-clock-counts";

  /** The same counts for the account processor's tasks. */
  public static final String ACCOUNT_OPEN_CLOCK_COUNTS = "account-open-clock-counts";

  /** repId to RepProfile, a global store fed by sales.reps. */
  public static final String REPS = "reps";

  /** team to its running week's counts and last week's, for the weekly review. */
  public static final String TEAM_WEEKS = "team-weeks";

  /** (team, rule, leadId) to one open clock of the team, for the review's at-risk list. */
  public static final String TEAM_OPEN_CLOCKS = "team-open-clocks";

  private StoreNames() {}
}
