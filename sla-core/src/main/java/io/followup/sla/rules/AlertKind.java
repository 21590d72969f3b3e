package io.followup.sla.rules;

/** The stages of one breach; every stage of a breach carries the same alertId. */
public enum AlertKind {
  /** A share of the SLA has passed with the clock still running. */
  WARNING,
  /** The deadline passed with the clock still running. */
  BREACHED,
  /** Still unresolved a further period after the breach: the manager is told. */
  ESCALATED,
  /** A breached (or warned) lead was finally handled. */
  RESOLVED
}
