package io.followup.sla.replay;

import io.followup.sla.events.RepProfile;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The people, companies and content of a generated history: a life-science supplier with four sales
 * teams in the US and Germany, selling into biopharma and diagnostics buying groups. Everything
 * here is invented.
 */
final class HistoryCast {

  private HistoryCast() {}

  static final String EMAIL_DOMAIN = "lumenbio-supply.example";
  static final String WORKING_HOURS = "MON-FRI 09:00-17:00";

  /** A rep, or (habit == null) a manager, who owns no leads and receives escalations. */
  record Person(
      String repId,
      String name,
      String managerId,
      String team,
      String timeZone,
      String region,
      FollowUpHabit habit) {

    RepProfile profile() {
      return RepProfile.newBuilder()
          .setRepId(repId)
          .setName(name)
          .setEmail(name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + EMAIL_DOMAIN)
          .setManagerId(managerId)
          .setTeam(team)
          .setTimeZone(timeZone)
          .setWorkingHours(WORKING_HOURS)
          .setRegion(region)
          .setOutOfOffice(false)
          .setOutOfOfficeUntil(null)
          .build();
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
          rep("R-SAM", "Sam Patel", "R-PRIYA", EAST, "America/New_York", FollowUpHabit.PROMPT),
          rep(
              "R-OLIVIA",
              "Olivia Brooks",
              "R-PRIYA",
              EAST,
              "America/New_York",
              FollowUpHabit.STEADY),
          rep(
              "R-KEVIN",
              "Kevin Doyle",
              "R-PRIYA",
              EAST,
              "America/New_York",
              FollowUpHabit.ONE_AND_DONE),
          rep("R-RACHEL", "Rachel Stein", "R-PRIYA", EAST, "America/New_York", FollowUpHabit.SLOW),
          rep(
              "R-ETHAN",
              "Ethan Moore",
              "R-PRIYA",
              EAST,
              "America/New_York",
              FollowUpHabit.SOLID_BUT_MISSES),
          rep("R-DANA", "Dana Ortiz", "R-MARCUS", CENTRAL, "America/Chicago", FollowUpHabit.SLOW),
          rep(
              "R-MAYA",
              "Maya Chen",
              "R-MARCUS",
              CENTRAL,
              "America/Chicago",
              FollowUpHabit.SOLID_BUT_MISSES),
          rep(
              "R-TYLER",
              "Tyler Nguyen",
              "R-MARCUS",
              CENTRAL,
              "America/Chicago",
              FollowUpHabit.PROMPT),
          rep(
              "R-HANNAH",
              "Hannah Lopez",
              "R-MARCUS",
              CENTRAL,
              "America/Denver",
              FollowUpHabit.IGNORES_SYNDICATION),
          rep(
              "R-CONNOR",
              "Connor Reid",
              "R-MARCUS",
              CENTRAL,
              "America/Chicago",
              FollowUpHabit.STEADY),
          rep(
              "R-AVA",
              "Ava Martinez",
              "R-GRACE",
              WEST,
              "America/Los_Angeles",
              FollowUpHabit.PROMPT),
          rep(
              "R-LIAM",
              "Liam Foster",
              "R-GRACE",
              WEST,
              "America/Los_Angeles",
              FollowUpHabit.STEADY),
          rep(
              "R-ZOE",
              "Zoe Kaplan",
              "R-GRACE",
              WEST,
              "America/Phoenix",
              FollowUpHabit.ONE_AND_DONE),
          rep(
              "R-NOAH",
              "Noah Bennett",
              "R-GRACE",
              WEST,
              "America/Los_Angeles",
              FollowUpHabit.STEADY),
          rep(
              "R-ISLA",
              "Isla Turner",
              "R-GRACE",
              WEST,
              "America/Los_Angeles",
              FollowUpHabit.SOLID_BUT_MISSES),
          rep(
              "R-LUKAS",
              "Lukas Brandt",
              "R-JONAS",
              DACH,
              "Europe/Berlin",
              FollowUpHabit.IGNORES_SYNDICATION),
          rep(
              "R-FRIEDA",
              "Frieda Hoffmann",
              "R-JONAS",
              DACH,
              "Europe/Berlin",
              FollowUpHabit.STEADY),
          rep("R-MATTEO", "Matteo Keller", "R-JONAS", DACH, "Europe/Zurich", FollowUpHabit.PROMPT),
          rep("R-SOPHIE", "Sophie Wagner", "R-JONAS", DACH, "Europe/Berlin", FollowUpHabit.SLOW),
          rep(
              "R-FELIX",
              "Felix Schulz",
              "R-JONAS",
              DACH,
              "Europe/Vienna",
              FollowUpHabit.SOLID_BUT_MISSES));

  private static Person manager(String id, String name, String team, String zone, String region) {
    return new Person(id, name, null, team, zone, region, null);
  }

  private static Person rep(
      String id, String name, String managerId, String team, String zone, FollowUpHabit habit) {
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

  record Focus(String suffix, String focus) {}

  static final List<Focus> NAME_SUFFIXES =
      List.of(
          new Focus("Biologics", "monoclonal antibody"),
          new Focus("Therapeutics", "small-molecule and biologics"),
          new Focus("Diagnostics", "in-vitro diagnostics"),
          new Focus("Genomics", "sequencing"),
          new Focus("Pharma", "biosimilar"),
          new Focus("Bioprocessing", "contract manufacturing"),
          new Focus("Biosciences", "cell line development"),
          new Focus("Vaccines", "vaccine"),
          new Focus("Cell Therapy", "cell therapy"),
          new Focus("Bioanalytics", "bioanalytical testing"));

  /** Once every stem-suffix pair is taken, names repeat with one of these. */
  static final List<String> AFFILIATES =
      List.of("Europe", "Asia Pacific", "Canada", "UK", "Japan", "Nordics", "Labs", "Group");

  /** A job title, the buying-group role it plays, and what a rep would write to it about. */
  record Persona(String title, String buyingRole, List<String> topics) {}

  static final List<Persona> PERSONAS =
      List.of(
          new Persona(
              "Director of Process Development",
              "Champion",
              List.of(
                  "Scale-up data for your 2000L line",
                  "Perfusion results relevant to your {focus} process",
                  "Tech-transfer checklist for the {account} PD team")),
          new Persona(
              "VP R&D",
              "Economic buyer",
              List.of(
                  "Assay throughput ideas for {account} R&D",
                  "How our platform fits your {focus} pipeline")),
          new Persona(
              "CFO",
              "Economic buyer",
              List.of(
                  "Cost-per-batch model for {account}",
                  "Single-use vs. capex: numbers for your next budget")),
          new Persona(
              "Head of QC",
              "Technical evaluator",
              List.of(
                  "Faster release testing for your QC lab",
                  "Rapid micro methods: validation data for {account}")),
          new Persona(
              "Senior Scientist",
              "Technical evaluator",
              List.of(
                  "Titer data from a {focus} process like yours",
                  "Method-transfer notes for your analytical team")),
          new Persona(
              "Scientist",
              "User",
              List.of("Protocol notes for your cell culture runs", "Sample kit for your bench")),
          new Persona(
              "Lab Manager",
              "User",
              List.of("Consumables plan for your lab", "Cutting changeover time in your lab")),
          new Persona(
              "Procurement Manager",
              "Procurement",
              List.of(
                  "Framework pricing for {account}", "Supplier qualification pack for {account}")),
          new Persona(
              "Head of Manufacturing",
              "Influencer",
              List.of(
                  "Single-use vs. stainless for your fill line",
                  "Batch-record digitisation at {account}")),
          new Persona(
              "Director of Regulatory Affairs",
              "Influencer",
              List.of(
                  "Validation package for your next filing",
                  "Extractables and leachables data for your submission")),
          new Persona(
              "Executive Assistant to the CSO",
              "Gatekeeper",
              List.of(
                  "Twenty minutes with your CSO on {focus} capacity",
                  "Briefing pack for your CSO")));

  /** A researcher writing on their own account, outside any buying group. */
  static final Persona INDIVIDUAL =
      new Persona(
          "Postdoctoral Researcher",
          null,
          List.of("Protocol notes for your cell culture runs", "Sample kit for your bench"));

  static final List<String> FIRST_NAMES =
      List.of(
          "Amelia", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hannes", "Ines", "Jamal",
          "Katrin", "Leo", "Mei", "Nadia", "Oliver", "Paula", "Quentin", "Rosa", "Stefan", "Tara",
          "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Anja", "Bruno", "Chloe", "Diego",
          "Emeka", "Fiona", "Gustav", "Hana", "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nora");

  static final List<String> LAST_NAMES =
      List.of(
          "Adler",
          "Bauer",
          "Castillo",
          "Dubois",
          "Eriksen",
          "Fischer",
          "Garcia",
          "Huang",
          "Ivanova",
          "Jensen",
          "Kaur",
          "Lindgren",
          "Moreau",
          "Nakamura",
          "Okafor",
          "Petrov",
          "Quinn",
          "Rossi",
          "Schmidt",
          "Tanaka",
          "Ueda",
          "Varga",
          "Walsh",
          "Xu",
          "Yilmaz",
          "Zimmermann",
          "Becker",
          "Costa",
          "Novak",
          "Murphy");

  /** Marketing content a lead can engage with, and how much buying intent engaging shows. */
  record Asset(String assetId, String assetType, String title, int minIntent, int maxIntent) {}

  static final List<Asset> ASSETS =
      List.of(
          new Asset("WP-SU-SCALEUP", "WHITEPAPER", "Single-use bioreactor scale-up guide", 30, 65),
          new Asset(
              "WP-QC-RAPIDMICRO", "WHITEPAPER", "Rapid microbial QC: a validation primer", 30, 60),
          new Asset(
              "WB-CELLTHERAPY", "WEBINAR", "Closed-system cell therapy manufacturing", 40, 75),
          new Asset("WB-DX-ASSAYS", "WEBINAR", "Scaling molecular diagnostic assays", 40, 70),
          new Asset("PR-CONSUMABLES", "PRICING_PAGE", "Bioprocessing consumables pricing", 70, 95),
          new Asset("CS-MAB-TITER", "CASE_STUDY", "How a CDMO doubled its mAb titers", 50, 80),
          new Asset(
              "CS-GMP-PAPERLESS", "CASE_STUDY", "Paperless batch records at a GMP plant", 45, 75),
          new Asset("DR-PILOT", "DEMO_REQUEST", "Request a pilot evaluation", 80, 100));

  /** What a rep writes when writing to nobody in particular; policies may not count these. */
  static final List<String> GENERIC_SUBJECTS =
      List.of("Just checking in", "Following up", "Touching base", "Any update?");

  static final List<String> ASSIGN_REASONS =
      List.of("Territory routing", "Round-robin assignment", "Assigned by sales ops");

  static final List<String> REASSIGN_REASONS =
      List.of("Reassigned by manager: no follow-up", "Reassigned: rep at capacity");

  static final List<String> QUALIFY_REASONS =
      List.of("Budget and timeline confirmed", "Evaluation planned this quarter");

  static final List<String> DISQUALIFY_REASONS =
      List.of(
          "No budget this fiscal year",
          "Academic researcher, not a buyer",
          "Duplicate of an existing contact",
          "Under contract with a competitor until next year");

  static final List<String> NURTURE_REASONS =
      List.of(
          "Project pushed to next year",
          "Early research stage, no timeline yet",
          "Asked to reconnect after their facility audit");

  static final List<String> CONVERT_REASONS =
      List.of(
          "Opportunity created: pilot order",
          "Opportunity created: multi-site evaluation",
          "Opportunity created: annual supply agreement");
}
