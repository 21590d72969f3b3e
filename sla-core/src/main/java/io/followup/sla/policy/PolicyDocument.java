package io.followup.sla.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a policy document into a {@link Policy}: every field checked where it is written, so that a
 * mistake is refused with its line and what to write instead, and nothing half-read is put in
 * force.
 */
final class PolicyDocument {

  private static final List<String> POLICY_FIELDS =
      List.of("policyId", "version", "rules", "genericPhrases", "outOfOffice", "calendars");
  private static final List<String> RULE_FIELDS =
      List.of(
          "enabled",
          "sla",
          "bySource",
          "byPriority",
          "warnAt",
          "escalateAfter",
          "countOnlyPersonalized",
          "minTouches",
          "minIntentScore",
          "minMembers",
          "calendar");
  private static final List<String> CALENDAR_FIELDS =
      List.of("timeZone", "workingHours", "holidays");
  private static final List<String> RULE_IDS =
      Arrays.stream(RuleId.values()).map(RuleId::id).toList();
  private static final Map<String, RulePolicy.CalendarMode> CALENDAR_MODES = calendarModes();
  private static final String SET_OF_FIELDS = "a set of fields such as {sla: PT48H}";

  private PolicyDocument() {}

  /**
   * @param base the policy whose settings fill in what this document leaves out (the rules it does
   *     not name, the fields of a rule it turns off, phrases and calendars); null for none
   */
  static Policy read(String yaml, String origin, Policy base) throws PolicyException {
    PolicyYaml.Node root = PolicyYaml.read(yaml, origin);
    if (root == null || root instanceof PolicyYaml.Scalar s && s.text() == null) {
      throw new PolicyException(origin + ": the policy is empty");
    }
    PolicyFields doc = PolicyFields.root(root, origin);
    doc.allowOnly(POLICY_FIELDS, "field");
    String policyId =
        requiredText(doc, "policyId", "the id engines follow, e.g. policyId: default");
    String version = requiredText(doc, "version", "e.g. version: \"2026-03-01\"");
    PolicyFields rules =
        doc.part("rules", "", "a set of rules such as {first-touch: {sla: PT48H}}");
    if (rules == null) {
      throw doc.missing("rules", "the rules it sets, e.g. rules: {first-touch: {sla: PT48H}}");
    }
    rules.allowOnly(RULE_IDS, "rule");
    Map<RuleId, RulePolicy> byId = new EnumMap<>(RuleId.class);
    for (String key : rules.keys()) {
      RuleId id = RuleId.fromId(key).orElseThrow();
      PolicyFields rule = rules.namedPart(key, "rule " + key, SET_OF_FIELDS);
      byId.put(id, rule(id, rule, base == null ? null : base.settings(id)));
    }
    List<String> phrases = doc.texts("genericPhrases", "[just checking in, following up]");
    PolicyFields outOfOffice =
        doc.part("outOfOffice", "outOfOffice", "a set of fields such as {warnManager: true}");
    Boolean warnManager = null;
    if (outOfOffice != null) {
      outOfOffice.allowOnly(List.of("warnManager"), "field");
      warnManager = outOfOffice.bool("warnManager");
    }
    Calendars calendars = calendars(doc);
    Policy policy =
        new Policy(policyId, version, byId, phrases, Boolean.TRUE.equals(warnManager), calendars);
    return base == null
        ? policy
        : policy.withDefaultsFrom(base, phrases != null, calendars != null);
  }

  /**
   * One rule. A rule turned off needs no other field: what it leaves out comes from {@code base},
   * which words the end of a clock the rule had started before it was turned off.
   */
  private static RulePolicy rule(RuleId id, PolicyFields f, RulePolicy base)
      throws PolicyException {
    f.allowOnly(RULE_FIELDS, "field");
    if (f.has("minMembers") && id != RuleId.BUYING_GROUP_COVERAGE) {
      throw f.problem("minMembers", "'minMembers' applies only to buying-group-coverage");
    }
    boolean enabled = !Boolean.FALSE.equals(f.bool("enabled"));
    RulePolicy fallback = enabled ? null : base;
    Duration sla = f.duration("sla");
    if (sla == null && fallback == null) {
      throw f.missing("sla", PolicyFields.DURATION);
    }
    Integer minTouches = f.wholeNumber("minTouches");
    boolean countsTouches = id == RuleId.TOUCH_CADENCE || id == RuleId.BUYING_GROUP_COVERAGE;
    if (enabled && countsTouches && minTouches == null) {
      throw f.missing("minTouches", "a whole number such as 4: the touches owed within its sla");
    }
    Boolean personalized = f.bool("countOnlyPersonalized");
    if (personalized == null) {
      personalized =
          fallback != null
              ? fallback.countOnlyPersonalized()
              : RulePolicy.countsOnlyPersonalizedByDefault(id);
    }
    try {
      return new RulePolicy(
          enabled,
          or(sla, fallback, RulePolicy::sla),
          or(f.durations("bySource", "{RFP_REQUEST: PT4H}"), fallback, RulePolicy::bySource),
          or(f.durations("byPriority", "{HOT: PT4H}"), fallback, RulePolicy::byPriority),
          or(f.number("warnAt", "a share of the SLA such as 0.75"), fallback, RulePolicy::warnAt),
          or(f.duration("escalateAfter"), fallback, RulePolicy::escalateAfter),
          personalized,
          or(minTouches, fallback, RulePolicy::minTouches),
          or(f.wholeNumber("minIntentScore"), fallback, RulePolicy::minIntentScore),
          or(f.wholeNumber("minMembers"), fallback, RulePolicy::minMembers),
          or(f.choice("calendar", CALENDAR_MODES), fallback, RulePolicy::calendar));
    } catch (InvalidSettingException e) {
      throw f.problem(e);
    }
  }

  private static <T> T or(T given, RulePolicy fallback, Function<RulePolicy, T> field) {
    return given != null || fallback == null ? given : field.apply(fallback);
  }

  private static Calendars calendars(PolicyFields doc) throws PolicyException {
    PolicyFields f =
        doc.part("calendars", "calendars", "a set of fields such as {default: {timeZone: UTC}}");
    if (f == null) {
      return null;
    }
    f.allowOnly(List.of("default", "regions"), "field");
    PolicyFields defaults =
        f.part("default", "the default calendar", "a set of fields such as {timeZone: UTC}");
    PolicyFields regions =
        f.part("regions", "", "regions with their calendars such as {US: {timeZone: UTC}}");
    Map<String, CalendarSettings> byRegion = new LinkedHashMap<>();
    for (String region : regions == null ? new ArrayList<String>() : regions.keys()) {
      byRegion.put(
          region,
          calendar(
              regions.namedPart(
                  region, "calendar " + region, "a set of fields such as {timeZone: UTC}")));
    }
    return new Calendars(defaults == null ? null : calendar(defaults), byRegion);
  }

  private static CalendarSettings calendar(PolicyFields f) throws PolicyException {
    f.allowOnly(CALENDAR_FIELDS, "field");
    try {
      return new CalendarSettings(f.text("timeZone"), f.text("workingHours"), f.dates("holidays"));
    } catch (InvalidSettingException e) {
      throw f.problem(e);
    }
  }

  private static String requiredText(PolicyFields doc, String key, String example)
      throws PolicyException {
    String text = doc.text(key);
    if (text == null) {
      throw doc.missing(key, example);
    }
    if (text.isBlank()) {
      throw doc.problem(key, "'" + key + "' must not be empty, " + example);
    }
    return text;
  }

  private static Map<String, RulePolicy.CalendarMode> calendarModes() {
    Map<String, RulePolicy.CalendarMode> modes = new LinkedHashMap<>();
    for (RulePolicy.CalendarMode mode : RulePolicy.CalendarMode.values()) {
      modes.put(mode.id(), mode);
    }
    return modes;
  }
}
