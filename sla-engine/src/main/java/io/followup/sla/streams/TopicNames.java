package io.followup.sla.streams;

import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The engine's topics by role. The defaults are the contract's names; each can be renamed with the
 * config key {@code topics.<role>} (e.g. {@code topics.alerts=acme.sla.alerts}). The one topic only
 * the engine reads, buying-group members, is named after the application id by default: two engines
 * with different application ids are two separate deployments, and one's lead views must not reach
 * the other's account rules. The same goes for the team-clocks topic, which carries clock events to
 * the weekly review.
 */
public record TopicNames(
    String leadCreated,
    String statusChanged,
    String contentEngaged,
    String repTouched,
    String reps,
    String policies,
    String alerts,
    String deadLetters,
    String buyingGroupMembers,
    String misplacedEvents,
    String weeklyReviews,
    String teamClocks) {

  /** The application id an engine runs with when none is configured. */
  public static final String DEFAULT_APPLICATION_ID = "followup-sla-engine";

  /** What the buying-group-members topic is called after the application id. */
  public static final String MEMBERS_SUFFIX = "-buying-group-members";

  /** What the topic of re-routed lead events is called after the application id. */
  public static final String MISPLACED_SUFFIX = "-misplaced-lead-events";

  /** What the topic of clock events re-keyed by team is called after the application id. */
  public static final String TEAM_CLOCKS_SUFFIX = "-team-clocks";

  /** The names of an engine with the default application id and no {@code topics.*} keys. */
  public static final TopicNames DEFAULTS =
      new TopicNames(
          "leads.lead-created",
          "leads.status-changed",
          "leads.content-engaged",
          "leads.rep-touched",
          "sales.reps",
          "sla.policies",
          "sla.alerts",
          "sla.dead-letters",
          DEFAULT_APPLICATION_ID + MEMBERS_SUFFIX,
          DEFAULT_APPLICATION_ID + MISPLACED_SUFFIX,
          "sla.weekly-reviews",
          DEFAULT_APPLICATION_ID + TEAM_CLOCKS_SUFFIX);

  /**
   * The defaults, with any {@code topics.<role>} entry of {@code config} applied; the engine's own
   * topics (members, misplaced events) named after {@code config}'s {@code application.id} unless
   * set.
   */
  public static TopicNames from(Map<String, String> config) {
    String applicationId = config.get("application.id");
    if (applicationId == null || applicationId.isBlank()) {
      applicationId = DEFAULT_APPLICATION_ID;
    }
    return new TopicNames(
        config.getOrDefault("topics.lead-created", DEFAULTS.leadCreated),
        config.getOrDefault("topics.status-changed", DEFAULTS.statusChanged),
        config.getOrDefault("topics.content-engaged", DEFAULTS.contentEngaged),
        config.getOrDefault("topics.rep-touched", DEFAULTS.repTouched),
        config.getOrDefault("topics.reps", DEFAULTS.reps),
        config.getOrDefault("topics.policies", DEFAULTS.policies),
        config.getOrDefault("topics.alerts", DEFAULTS.alerts),
        config.getOrDefault("topics.dead-letters", DEFAULTS.deadLetters),
        config.getOrDefault("topics.buying-group-members", applicationId.strip() + MEMBERS_SUFFIX),
        config.getOrDefault(
            "topics.misplaced-lead-events", applicationId.strip() + MISPLACED_SUFFIX),
        config.getOrDefault("topics.weekly-reviews", DEFAULTS.weeklyReviews),
        config.getOrDefault("topics.team-clocks", applicationId.strip() + TEAM_CLOCKS_SUFFIX));
  }

  /** The topic a record of this type belongs on. */
  public String topicOf(SpecificRecord record) {
    return switch (record.getSchema().getName()) {
      case "LeadCreated" -> leadCreated;
      case "LeadStatusChanged" -> statusChanged;
      case "ContentEngaged" -> contentEngaged;
      case "RepTouched" -> repTouched;
      case "RepProfile" -> reps;
      case "SlaPolicy" -> policies;
      case "SlaAlert" -> alerts;
      case "TeamWeeklyReview" -> weeklyReviews;
      default ->
          throw new IllegalArgumentException("no topic for " + record.getSchema().getFullName());
    };
  }

  /** The four topics of lead events, read by one source. */
  public List<String> leadEventTopics() {
    return List.of(leadCreated, statusChanged, contentEngaged, repTouched);
  }

  /** The compacted topics: the latest value per key is all that counts. */
  public List<String> compacted() {
    return List.of(reps, policies);
  }

  public List<String> all() {
    return List.of(
        leadCreated,
        statusChanged,
        contentEngaged,
        repTouched,
        reps,
        policies,
        alerts,
        deadLetters,
        buyingGroupMembers,
        misplacedEvents,
        weeklyReviews,
        teamClocks);
  }
}
