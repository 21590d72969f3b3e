package io.followup.sla.review;

/** Clocks of one rule, source or rep in one week: started, met by their deadline, missed. */
public record Counts(int opened, int met, int missed) {

  public static final Counts NONE = new Counts(0, 0, 0);

  public Counts plus(Counts other) {
    return new Counts(opened + other.opened, met + other.met, missed + other.missed);
  }

  /** Met and missed: the clocks compliance is measured on (stopped ones count neither way). */
  public int decided() {
    return met + missed;
  }
}
