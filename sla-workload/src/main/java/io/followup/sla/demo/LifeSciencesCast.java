package io.followup.sla.demo;

import io.followup.sla.events.RepProfile;
import java.util.List;
import java.util.Locale;

/**
 * What the demo and the generated history have in common: one life-science supplier, its email
 * domain and working hours, and the buying groups, names, content and status reasons both stories
 * draw from. Each story keeps its own reps, accounts and what else only it needs. Everything here
 * is invented.
 */
public final class LifeSciencesCast {

  private LifeSciencesCast() {}

  public static final String EMAIL_DOMAIN = "lumenbio-supply.example";
  public static final String WORKING_HOURS = "MON-FRI 09:00-17:00";

  public static final String INBOUND_FORM = "INBOUND_FORM";
  public static final String RFP_REQUEST = "RFP_REQUEST";
  public static final String CONTENT_SYNDICATION = "CONTENT_SYNDICATION";
  public static final String TRADE_SHOW = "TRADE_SHOW";
  public static final String WEBINAR = "WEBINAR";
  public static final String PURCHASED_LIST = "PURCHASED_LIST";
  public static final String REFERRAL = "REFERRAL";

  static final List<String> SOURCES =
      List.of(
          INBOUND_FORM,
          RFP_REQUEST,
          CONTENT_SYNDICATION,
          TRADE_SHOW,
          WEBINAR,
          PURCHASED_LIST,
          REFERRAL);

  /** Content syndication is the bulk of a life-science funnel; RFPs are rare and precious. */
  static final List<Integer> SOURCE_WEIGHTS = List.of(20, 4, 28, 14, 16, 10, 8);

  /** The profile of a rep or manager of the supplier, as both stories introduce them. */
  public static RepProfile profile(
      String repId, String name, String managerId, String team, String timeZone, String region) {
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

  /** A company name suffix and the business it suggests. */
  public record Focus(String suffix, String focus) {}

  public static final List<Focus> NAME_SUFFIXES =
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

  /** A company's name and what it does, before a story gives it an owner and a place. */
  public record CompanyName(String name, String focus) {}

  /**
   * The name of the {@code round}-th company to reuse {@code name} (round 0 is the first): once
   * every stem-suffix pair is taken, an affiliate keeps each name unique.
   */
  public static String affiliateName(String name, int round, List<String> affiliates) {
    return round == 0
        ? name
        : name + " " + (round <= affiliates.size() ? affiliates.get(round - 1) : "Unit " + round);
  }

  /**
   * A job title, the buying-group role it usually plays, and what a rep would write to it about.
   */
  public record Persona(String title, String buyingRole, List<String> topics) {}

  /** The roles of a buying group, as both stories staff them. */
  public static final List<Persona> BUYING_GROUP =
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

  public static final List<String> FIRST_NAMES =
      List.of(
          "Amelia", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hannes", "Ines", "Jamal",
          "Katrin", "Leo", "Mei", "Nadia", "Oliver", "Paula", "Quentin", "Rosa", "Stefan", "Tara",
          "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Anja", "Bruno", "Chloe", "Diego",
          "Emeka", "Fiona", "Gustav", "Hana", "Ivan", "Julia", "Kenji", "Lucia", "Mateo", "Nora");

  public static final List<String> LAST_NAMES =
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
  public record Asset(
      String assetId, String assetType, String title, int minIntent, int maxIntent) {}

  /** The content both stories offer; the history adds a demo request on top. */
  public static final List<Asset> CONTENT =
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

  public static final List<String> ASSIGN_REASONS =
      List.of("Territory routing", "Round-robin assignment", "Assigned by sales ops");

  public static final List<String> DISQUALIFY_REASONS =
      List.of(
          "No budget this fiscal year",
          "Academic researcher, not a buyer",
          "Duplicate of an existing contact",
          "Under contract with a competitor until next year");

  public static final List<String> NURTURE_REASONS =
      List.of(
          "Project pushed to next year",
          "Early research stage, no timeline yet",
          "Asked to reconnect after their facility audit");

  public static final List<String> CONVERT_REASONS =
      List.of(
          "Opportunity created: pilot order",
          "Opportunity created: multi-site evaluation",
          "Opportunity created: annual supply agreement");

  /** The subject of a touch on {@code channel} about {@code topic}, as a CRM would log it. */
  public static String withChannel(String channel, String topic) {
    return switch (channel) {
      case "CALL" -> "Call: " + topic;
      case "VOICEMAIL" -> "Voicemail: " + topic;
      case "LINKEDIN" -> "LinkedIn note: " + topic;
      case "MEETING" -> "Meeting: " + topic;
      case "SMS" -> "Text: " + topic;
      default -> topic;
    };
  }
}
