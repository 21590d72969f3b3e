package io.followup.sla.rules;

import java.util.Set;

/** The lead statuses of the contract, and what each means to the clocks. */
public final class LeadStatus {

  public static final String ASSIGNED = "ASSIGNED";
  public static final String ACCEPTED = "ACCEPTED";

  /** Statuses that stop every clock of the lead. */
  private static final Set<String> TERMINAL =
      Set.of("REJECTED", "NURTURE", "DISQUALIFIED", "CONVERTED", "CLOSED");

  private LeadStatus() {}

  public static boolean stopsEveryClock(String status) {
    return status != null && TERMINAL.contains(status);
  }
}
