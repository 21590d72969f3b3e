package io.followup.sla.history;

import io.followup.sla.demo.LifeSciencesCast;
import io.followup.sla.demo.LifeSciencesCast.Asset;
import io.followup.sla.demo.LifeSciencesCast.Persona;
import io.followup.sla.demo.RepHabit;
import io.followup.sla.events.RepProfile;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generated history's own people, places and content: four sales teams in the US and Germany,
 * the sites of their customers, and what only the history tells. What it shares with the demo lives
 * in {@link LifeSciencesCast}.
 */
final class HistoryCast {

  private HistoryCast() {}

  /** A rep, or (habit == null) a manager, who owns no leads and receives escalations. */
  record Person(
      String repId,
      String name,
      String managerId,
      String team,
      String timeZone,
      String region,
      RepHabit habit) {

    RepProfile profile() {
      return LifeSciencesCast.profile(repId, name, managerId, team, timeZone, region);
    }
  }

  static final String EAST = "East Biopharma";
  static final String CENTRAL = "Central Diagnostics";
  static final String WEST = "West Coast Biotech";
  static final String DACH = "DACH Life Sciences";

  static final List<Person> MANAGERS =
      List.of(
          manager("R-PRIYA", "Priya Raman", EAST, "America/New_York", "US"),
          manager("R-MARCUS", "Marcus Bell", CENTRAL, "America/Chicago", "US"),
          manager("R-GRACE", "Grace Kim", WEST, "America/Los_Angeles", "US"),
          manager("R-JONAS", "Jonas Weber", DACH, "Europe/Berlin", "DE"));

  /** Twenty reps, five a team, each with a habit; every habit shows in more than one team. */
  static final List<Person> REPS =
      List.of(
          rep("R-SAM", "Sam Patel", "R-PRIYA", EAST, "America/New_York", RepHabit.PROMPT),
          rep("R-OLIVIA", "Olivia Brooks", "R-PRIYA", EAST, "America/New_York", RepHabit.STEADY),
          rep("R-KEVIN", "Kevin Doyle", "R-PRIYA", EAST, "America/New_York", RepHabit.ONE_AND_DONE),
          rep("R-RACHEL", "Rachel Stein", "R-PRIYA", EAST, "America/New_York", RepHabit.SLOW),
          rep(
              "R-ETHAN",
              "Ethan Moore",
              "R-PRIYA",
              EAST,
              "America/New_York",
              RepHabit.SOLID_BUT_MISSES),
          rep("R-DANA", "Dana Ortiz", "R-MARCUS", CENTRAL, "America/Chicago", RepHabit.SLOW),
          rep(
              "R-MAYA",
              "Maya Chen",
              "R-MARCUS",
              CENTRAL,
              "America/Chicago",
              RepHabit.SOLID_BUT_MISSES),
          rep("R-TYLER", "Tyler Nguyen", "R-MARCUS", CENTRAL, "America/Chicago", RepHabit.PROMPT),
          rep(
              "R-HANNAH",
              "Hannah Lopez",
              "R-MARCUS",
              CENTRAL,
              "America/Denver",
              RepHabit.IGNORES_SYNDICATION),
          rep("R-CONNOR", "Connor Reid", "R-MARCUS", CENTRAL, "America/Chicago", RepHabit.STEADY),
          rep("R-AVA", "Ava Martinez", "R-GRACE", WEST, "America/Los_Angeles", RepHabit.PROMPT),
          rep("R-LIAM", "Liam Foster", "R-GRACE", WEST, "America/Los_Angeles", RepHabit.STEADY),
          rep("R-ZOE", "Zoe Kaplan", "R-GRACE", WEST, "America/Phoenix", RepHabit.ONE_AND_DONE),
          rep("R-NOAH", "Noah Bennett", "R-GRACE", WEST, "America/Los_Angeles", RepHabit.STEADY),
          rep(
              "R-ISLA",
              "Isla Turner",
              "R-GRACE",
              WEST,
              "America/Los_Angeles",
              RepHabit.SOLID_BUT_MISSES),
          rep(
              "R-LUKAS",
              "Lukas Brandt",
              "R-JONAS",
              DACH,
              "Europe/Berlin",
              RepHabit.IGNORES_SYNDICATION),
          rep("R-FRIEDA", "Frieda Hoffmann", "R-JONAS", DACH, "Europe/Berlin", RepHabit.STEADY),
          rep("R-MATTEO", "Matteo Keller", "R-JONAS", DACH, "Europe/Zurich", RepHabit.PROMPT),
          rep("R-SOPHIE", "Sophie Wagner", "R-JONAS", DACH, "Europe/Berlin", RepHabit.SLOW),
          rep(
              "R-FELIX",
              "Felix Schulz",
              "R-JONAS",
              DACH,
              "Europe/Vienna",
              RepHabit.SOLID_BUT_MISSES));

  private static Person manager(String id, String name, String team, String zone, String region) {
    return new Person(id, name, null, team, zone, region, null);
  }

  private static Person rep(
      String id, String name, String managerId, String team, String zone, RepHabit habit) {
    String region = zone.startsWith("Europe/") ? "DE" : "US";
    return new Person(id, name, managerId, team, zone, region, habit);
  }

  /** Where a company sits: its sales region (as leads name it) and its office's time zone. */
  record Site(String region, ZoneId zone, int weight) {}

  static final List<Site> SITES =
      List.of(
          new Site("NA", ZoneId.of("America/New_York"), 32),
          new Site("NA", ZoneId.of("America/Chicago"), 18),
          new Site("NA", ZoneId.of("America/Denver"), 5),
          new Site("NA", ZoneId.of("America/Los_Angeles"), 15),
          new Site("EMEA", ZoneId.of("Europe/Berlin"), 15),
          new Site("EMEA", ZoneId.of("Europe/Zurich"), 5),
          new Site("EMEA", ZoneId.of("Europe/Vienna"), 3),
          new Site("EMEA", ZoneId.of("Europe/London"), 4),
          new Site("EMEA", ZoneId.of("Europe/Paris"), 3));

  static final List<String> NAME_STEMS =
      List.of(
          "Acme",
          "Alder",
          "Aurora",
          "Beacon",
          "Bluepeak",
          "Cedar",
          "Cobalt",
          "Delta",
          "Ember",
          "Fjord",
          "Gemini",
          "Granite",
          "Harbor",
          "Helix",
          "Iris",
          "Juniper",
          "Kestrel",
          "Larkspur",
          "Lumen",
          "Maple",
          "Meridian",
          "Northwind",
          "Nova",
          "Orchid",
          "Pinnacle",
          "Quartz",
          "Quillon",
          "Redwood",
          "Sable",
          "Solstice",
          "Tidewater",
          "Umbra",
          "Vantage",
          "Vireo",
          "Willow",
          "Xylem",
          "Yarrow",
          "Zephyr");

  /** Once every stem-suffix pair is taken, names repeat with one of these. */
  static final List<String> AFFILIATES =
      List.of("Europe", "Asia Pacific", "Canada", "UK", "Japan", "Nordics", "Labs", "Group");

  /** A researcher writing on their own account, outside any buying group. */
  static final Persona INDIVIDUAL =
      new Persona(
          "Postdoctoral Researcher",
          null,
          List.of("Protocol notes for your cell culture runs", "Sample kit for your bench"));

  /** The shared content, plus the demo request only the history offers. */
  static final List<Asset> ASSETS =
      Stream.concat(
              LifeSciencesCast.CONTENT.stream(),
              Stream.of(
                  new Asset("DR-PILOT", "DEMO_REQUEST", "Request a pilot evaluation", 80, 100)))
          .toList();

  /** What a rep writes when writing to nobody in particular; policies may not count these. */
  static final List<String> GENERIC_SUBJECTS =
      List.of("Just checking in", "Following up", "Touching base", "Any update?");

  static final List<String> REASSIGN_REASONS =
      List.of("Reassigned by manager: no follow-up", "Reassigned: rep at capacity");

  static final List<String> QUALIFY_REASONS =
      List.of("Budget and timeline confirmed", "Evaluation planned this quarter");
}
