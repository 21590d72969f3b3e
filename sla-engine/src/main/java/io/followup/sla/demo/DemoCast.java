package io.followup.sla.demo;

import io.followup.sla.events.RepProfile;
import java.util.List;

/**
 * The people, companies and content of the demo: a life-science supplier selling into biopharma and
 * diagnostics buying groups. Everything here is invented.
 */
final class DemoCast {

  private DemoCast() {}

  static final String EMAIL_DOMAIN = "lumenbio-supply.example";
  static final String WORKING_HOURS = "MON-FRI 09:00-17:00";
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
    RepProfile profile() {
      return RepProfile.newBuilder()
          .setRepId(repId)
          .setName(name)
          .setEmail(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@" + EMAIL_DOMAIN)
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

  /** Name suffixes for the rare demo that outlives every stem-suffix pair. */
  static final List<String> AFFILIATES =
      List.of("Europe", "Asia Pacific", "Canada", "UK", "Japan", "Nordics");

  /**
   * A job title, the buying-group role it usually plays, and what a rep would write to it about.
   */
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
                  "Briefing pack for your CSO")),
          new Persona(
              "Lab Operations Coordinator",
              "Gatekeeper",
              List.of("Delivery schedule for your lab", "Standing order setup for {account}")));

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

  /**
   * A marketing asset a lead can engage with, and how much buying intent engaging with it shows.
   */
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
              "CS-GMP-PAPERLESS", "CASE_STUDY", "Paperless batch records at a GMP plant", 45, 75));

  /** What a rep writes when not writing to anyone in particular; the engine may discount these. */
  static final List<String> GENERIC_SUBJECTS =
      List.of("Just checking in", "Following up", "Touching base", "Circling back");

  static final List<String> ASSIGN_REASONS =
      List.of("Territory routing", "Round-robin assignment", "Assigned by sales ops");

  static final List<String> DISQUALIFY_REASONS =
      List.of(
          "No budget this fiscal year", "Academic researcher, not a buyer",
          "Duplicate of an existing contact", "Under contract with a competitor until next year");

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
