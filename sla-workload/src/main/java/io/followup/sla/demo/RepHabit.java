package io.followup.sla.demo;

/**
 * How a rep follows up on a lead once it is theirs, in the demo and in generated histories alike.
 * Each rep has one, so that every rule of the engine has someone to catch, while most leads are
 * still handled in time. The times below are the demo's seconds; a generated history plays the same
 * habits out in the rep's working hours (a prompt rep within the hour, a slow one after a day or
 * more).
 */
public enum RepHabit {
  /**
   * First touch in 3-10 s, personalised, then a cadence of several touches; answers engagement at
   * once.
   */
  PROMPT("prompt: personal first touch within seconds, keeps a cadence"),
  /** First touch in 8-25 s, personalised, three to five touches in all. */
  STEADY("steady: personal first touch within half a minute, three to five touches"),
  /** First touch only after 50-90 s, so that first-touch SLAs breach. */
  SLOW("slow: first touch after 50-90 s, so her leads breach"),
  /** Never touches CONTENT_SYNDICATION leads; prompt with every other source. */
  IGNORES_SYNDICATION("ignores content-syndication leads, prompt with the rest"),
  /** One generic email ("Just checking in", not personalised) and nothing after it. */
  ONE_AND_DONE("one generic email, then gives up"),
  /** Usually within 6-20 s with a good cadence, but misses about one lead in seven. */
  SOLID_BUT_MISSES("solid, but misses about one lead in seven");

  private final String description;

  RepHabit(String description) {
    this.description = description;
  }

  /** A phrase for a person, e.g. for the demo's banner. */
  public String description() {
    return description;
  }
}
