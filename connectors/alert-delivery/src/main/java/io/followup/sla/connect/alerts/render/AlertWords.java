package io.followup.sla.connect.alerts.render;

import io.followup.sla.alerts.AlertText;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.events.SlaAlert;
import java.util.Locale;
import java.util.Map;

/**
 * The words of one alert as a manager reads it without a lookup: what happened, who owns it, which
 * lead and account, what was due when (in the rep's local time), and what to do now. Every channel
 * renders these same words in its own layout.
 */
public final class AlertWords {

  private static final Map<String, String> RULES =
      Map.of(
          "first-touch", "First touch",
          "unassigned", "Unassigned lead",
          "follow-up-after-engagement", "Follow-up after engagement",
          "touch-cadence", "Touch cadence",
          "buying-group-coverage", "Buying-group coverage");

  private static final Map<String, String> ACTIONS =
      Map.of(
          "first-touch", "Call or email the lead now; the first logged touch stops the clock.",
          "unassigned", "Assign an owner now; the clock runs until someone owns the lead.",
          "follow-up-after-engagement",
              "Follow up on what the lead just engaged with, while the interest is fresh.",
          "touch-cadence", "Plan the next personalised touches; one email is not a sequence.",
          "buying-group-coverage",
              "Reach the uncovered members of the buying group with personalised touches.");

  private AlertWords() {}

  /** "Breached", "Warning", "Escalated", "Resolved", "Reminder". */
  public static String kind(Delivery d) {
    String kind = d.kind();
    if (kind.startsWith("REMINDER")) {
      return "Reminder: still breached";
    }
    return kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT);
  }

  public static String rule(SlaAlert alert) {
    return ruleName(alert.getRuleId());
  }

  /** "First touch" for {@code first-touch}; an id this connector does not know as it is. */
  public static String ruleName(String ruleId) {
    return RULES.getOrDefault(ruleId, ruleId);
  }

  /** "Breached: First touch, lead L-1 (account ACC-9)". */
  public static String headline(Delivery d) {
    return kind(d) + ": " + rule(d.alert()) + ", " + subject(d.alert());
  }

  /** "lead L-1 (account ACC-9)", or "account ACC-9" for an account-level alert. */
  public static String subject(SlaAlert alert) {
    if (alert.getLeadId() == null) {
      return alert.getAccountId() == null ? "no lead named" : "account " + alert.getAccountId();
    }
    return "lead "
        + alert.getLeadId()
        + (alert.getAccountId() == null ? "" : " (account " + alert.getAccountId() + ")");
  }

  /** "Sam Patel (rep), manager Dana Lee". */
  public static String who(Delivery d) {
    String rep = d.repName() == null ? "no owner" : d.repName() + " (rep)";
    return d.managerName() == null ? rep : rep + ", manager " + d.managerName();
  }

  /** "Tue Mar 10, 15:00 EDT", the rep's local time. */
  public static String due(Delivery d) {
    return AlertText.time(d.alert().getDueAt(), d.repZone());
  }

  public static String detected(Delivery d) {
    return AlertText.time(d.alert().getDetectedAt(), d.repZone());
  }

  public static String action(Delivery d) {
    if ("RESOLVED".equals(d.kind())) {
      return "Nothing to do: the follow-up happened.";
    }
    return ACTIONS.getOrDefault(d.alert().getRuleId(), "Follow up with the lead.");
  }

  /** The lines of one alert as plain text, each "Label: value". */
  public static String[][] facts(Delivery d) {
    SlaAlert a = d.alert();
    return new String[][] {
      {"What", a.getSummary()},
      {"Who", who(d)},
      {"Due", due(d)},
      {"Detected", detected(d)},
      {"To do", action(d)},
      {"Alert", a.getAlertId()}
    };
  }
}
