package io.followup.sla.replay;

/**
 * How a rep of a generated history follows up on the leads they own. Delays count in the rep's
 * working hours from the moment the lead became theirs, so a lead that arrives on Friday evening is
 * touched on Monday even by a prompt rep.
 */
public enum FollowUpHabit {
  /**
   * First touch within 5 to 60 working minutes, personalised; 4 to 7 touches one to three working
   * days apart.
   */
  PROMPT,
  /** First touch within 1 to 8 working hours, mostly personalised; 3 to 5 touches. */
  STEADY,
  /** First touch only after 6 to 28 working hours (up to 3.5 working days), often generic. */
  SLOW,
  /** Never touches CONTENT_SYNDICATION leads; quick with every other source. */
  IGNORES_SYNDICATION,
  /**
   * One generic email ("Just checking in", not personalised) within 1 to 12 working hours, then
   * silence.
   */
  ONE_AND_DONE,
  /** Usually within a few working hours with a good cadence, but misses about one lead in seven. */
  SOLID_BUT_MISSES
}
