package io.followup.sla.rules;

/** How far a running SLA clock has gone; each stage is alerted once. */
public enum ClockStage {
  RUNNING,
  WARNED,
  BREACHED,
  ESCALATED;

  public boolean alerted() {
    return this != RUNNING;
  }

  public boolean breached() {
    return this == BREACHED || this == ESCALATED;
  }
}
