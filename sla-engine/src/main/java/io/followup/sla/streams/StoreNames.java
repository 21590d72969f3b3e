package io.followup.sla.streams;

/** The engine's state stores; their changelogs are named after them. */
public final class StoreNames {

  /** leadId to the lead's state (facts and running clocks). */
  public static final String LEAD_STATE = "lead-state";

  /**
   * (deadline, rule, leadId) to nothing: what the punctuator scans; and, after a 0xFF byte, (time,
   * leadId) to nothing: when to forget a lead that has no running clock (see RetentionIndex).
   */
  public static final String DEADLINE_INDEX = "deadline-index";

  /** Where lead retention was kept before it moved into the deadline index; emptied at start. */
  public static final String LEAD_RETENTION = "lead-retention-index";

  /** Where account retention was kept before it moved into the account deadline index. */
  public static final String ACCOUNT_RETENTION = "account-retention-index";

  /** accountId to the account's buying group and coverage clock. */
  public static final String ACCOUNT_STATE = "account-state";

  /**
   * (deadline, rule, accountId) to nothing: the account processor's deadline index; and, after a
   * 0xFF byte, when to forget an account that has no running clock.
   */
  public static final String ACCOUNT_DEADLINES = "account-deadline-index";

  /** policyId to its last published SlaPolicy, a global store fed by sla.policies. */
  public static final String POLICIES = "policies";

  /** repId to RepProfile, a global store fed by sales.reps. */
  public static final String REPS = "reps";

  /** team to its running week's counts and last week's, for the weekly review. */
  public static final String TEAM_WEEKS = "team-weeks";

  /** (team, rule, leadId) to one open clock of the team, for the review's at-risk list. */
  public static final String TEAM_OPEN_CLOCKS = "team-open-clocks";

  private StoreNames() {}
}
