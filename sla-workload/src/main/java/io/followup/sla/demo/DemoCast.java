package io.followup.sla.demo;

import io.followup.sla.demo.LifeSciencesCast.Persona;
import io.followup.sla.events.RepProfile;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's own people and companies: two teams of reps, one per habit, and the twelve accounts it
 * opens with. What it shares with the generated history lives in {@link LifeSciencesCast}.
 */
final class DemoCast {

  private DemoCast() {}

  static final String EAST = "East Biopharma";
  static final String WEST = "West Diagnostics";

  record Rep(
      String repId,
      String name,
      String managerId,
      String team,
      String timeZone,
      String region,
      RepHabit habit) {
    /**
     * The profile the demo publishes: with a Slack member id, so that an alert posted to the team's
     * channel mentions the person who should act.
     */
    RepProfile profile() {
      return RepProfile.newBuilder(
              LifeSciencesCast.profile(repId, name, managerId, team, timeZone, region))
          .setSlackMemberId(slackMemberId())
          .build();
    }

    /** A made-up member id in Slack's shape: U and nine capitals, e.g. UDEMOSAM0. */
    String slackMemberId() {
      String id = "UDEMO" + repId.substring(2);
      return (id + "000000000").substring(0, 9);
    }
  }

  /** Managers own no leads; they receive escalations. */
  static final List<Rep> MANAGERS =
      List.of(
          new Rep("R-PRIYA", "Priya Raman", null, EAST, "America/New_York", "US", null),
          new Rep("R-MARCUS", "Marcus Bell", null, WEST, "America/Chicago", "US", null));

  /** The reps who own leads, one per habit, in a fixed order (the story relies on it). */
  static final List<Rep> REPS =
      List.of(
          new Rep("R-SAM", "Sam Patel", "R-PRIYA", EAST, "America/New_York", "US", RepHabit.PROMPT),
          new Rep("R-DANA", "Dana Ortiz", "R-MARCUS", WEST, "America/Chicago", "US", RepHabit.SLOW),
          new Rep(
              "R-LUKAS",
              "Lukas Brandt",
              "R-MARCUS",
              WEST,
              "Europe/Berlin",
              "DE",
              RepHabit.IGNORES_SYNDICATION),
          new Rep(
              "R-KEVIN",
              "Kevin Doyle",
              "R-PRIYA",
              EAST,
              "America/New_York",
              "US",
              RepHabit.ONE_AND_DONE),
          new Rep(
              "R-MAYA",
              "Maya Chen",
              "R-PRIYA",
              EAST,
              "America/Chicago",
              "US",
              RepHabit.SOLID_BUT_MISSES),
          new Rep(
              "R-FRIEDA",
              "Frieda Hoffmann",
              "R-MARCUS",
              WEST,
              "Europe/Berlin",
              "DE",
              RepHabit.STEADY));

  record Company(String name, String focus, String region) {}

  /** The twelve accounts the demo opens with. */
  static final List<Company> COMPANIES =
      List.of(
          new Company("Acme Biologics", "monoclonal antibody", "NA"),
          new Company("Northwind Therapeutics", "gene therapy", "NA"),
          new Company("Helix Diagnostics", "molecular diagnostics", "EMEA"),
          new Company("Cobalt Genomics", "sequencing", "NA"),
          new Company("Meridian Pharma", "biosimilar", "EMEA"),
          new Company("Bluepeak Bioprocessing", "contract manufacturing", "NA"),
          new Company("Aurora Cell Therapy", "CAR-T", "NA"),
          new Company("Vireo Vaccines", "mRNA vaccine", "EMEA"),
          new Company("Granite Bioanalytics", "bioanalytical testing", "NA"),
          new Company("Larkspur Biosciences", "cell line development", "EMEA"),
          new Company("Solstice Biotherapeutics", "bispecific antibody", "NA"),
          new Company("Quillon Labs", "clinical diagnostics", "EMEA"));

  /** Later accounts are named from these, once the twelve are spoken for. */
  static final List<String> NAME_STEMS =
      List.of(
          "Alder",
          "Beacon",
          "Cedar",
          "Delta",
          "Ember",
          "Fjord",
          "Gemini",
          "Harbor",
          "Iris",
          "Juniper",
          "Kestrel",
          "Lumen",
          "Maple",
          "Nova",
          "Orchid",
          "Pinnacle",
          "Quartz",
          "Redwood",
          "Sable",
          "Tidewater",
          "Umbra",
          "Vantage",
          "Willow",
          "Xylem",
          "Yarrow",
          "Zephyr");

  /** Name suffixes for the rare demo that outlives every stem-suffix pair. */
  static final List<String> AFFILIATES =
      List.of("Europe", "Asia Pacific", "Canada", "UK", "Japan", "Nordics");

  /** The shared buying group, plus a gatekeeper only the demo casts. */
  static final List<Persona> PERSONAS =
      Stream.concat(
              LifeSciencesCast.BUYING_GROUP.stream(),
              Stream.of(
                  new Persona(
                      "Lab Operations Coordinator",
                      "Gatekeeper",
                      List.of(
                          "Delivery schedule for your lab", "Standing order setup for {account}"))))
          .toList();

  /** What a rep writes when not writing to anyone in particular; the engine may discount these. */
  static final List<String> GENERIC_SUBJECTS =
      List.of("Just checking in", "Following up", "Touching base", "Circling back");
}
