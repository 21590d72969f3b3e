package io.followup.sla.rules;

import java.time.Instant;

/**
 * One rep touch as the rules need it: when, by whom, and whether it was a personalised one.
 *
 * @param personalized as the source system said: null when it did not say
 * @param generic whether its subject reads as a generic follow-up ("just checking in")
 */
public record Touch(
    Instant at, String repId, String channel, Boolean personalized, boolean generic) {

  /** Whether this touch counts toward a rule that may count only personalised touches. */
  public boolean counts(boolean onlyPersonalized) {
    return !onlyPersonalized || (!Boolean.FALSE.equals(personalized) && !generic);
  }
}
