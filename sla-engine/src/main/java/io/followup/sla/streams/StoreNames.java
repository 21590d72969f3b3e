package io.followup.sla.streams;

/** The engine's state stores; their changelogs are named after them. */
public final class StoreNames {

  /** leadId to the lead's state (facts and running clocks). */
  public static final String LEAD_STATE = "lead-state";

  /** (deadline, rule, leadId) to nothing: what the punctuator scans. */
  public static final String DEADLINE_INDEX = "deadline-index";

  /** eventIds seen recently, to drop duplicates. */
  public static final String SEEN_EVENTS = "seen-event-ids";

  /** "rule/STAGE" to how many of the task's clocks are open at that stage, for the gauges. */
  public static final String OPEN_CLOCK_COUNTS = "open-clock-counts";

  /** repId to RepProfile, a global store fed by sales.reps. */
  public static final String REPS = "reps";

  private StoreNames() {}
}
