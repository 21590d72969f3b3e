package io.followup.sla.review;

/**
 * Clocks of one rule, source or rep that came to an end in one week: met by their deadline, or
 * missed.
 */
public record Counts(int met, int missed) {

  public static final Counts NONE = new Counts(0, 0);
  static final Counts ONE_MET = new Counts(1, 0);
  static final Counts ONE_MISSED = new Counts(0, 1);

  public Counts plus(Counts other) {
    return new Counts(met + other.met, missed + other.missed);
  }

  /** Met and missed: the clocks compliance is measured on. */
  public int decided() {
    return met + missed;
  }
}
