package io.followup.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {

  @Test
  void textQuotedFromTheDocumentKeepsTheMessageOnOneLine() {
    // Found by PolicyFuzzTest: a quoted scalar or key with a line break in it broke the one line.
    assertThatThrownBy(() -> PolicyLoader.parse("\"policyId: p\\n\"\n", "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "p.yaml line 1: a policy is a set of fields (policyId, version, rules...), not"
                + " 'policyId: p\\n'");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse("policyId: p\nversion: \"1\"\n\"rul\\r\\nes\": {}\n", "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("p.yaml line 3: ")
        .hasMessageContaining("'rul\\nes'")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\r");
  }

  @Test
  void theBuiltInPolicyGivesFortyEightHoursAndStricterSlasForHotLeads() {
    Policy policy = PolicyLoader.builtInDefault();
    RulePolicy firstTouch = policy.rule(RuleId.FIRST_TOUCH).orElseThrow();
    assertThat(firstTouch.slaFor("WEBINAR", "WARM")).isEqualTo(Duration.ofHours(48));
    assertThat(firstTouch.slaFor("RFP_REQUEST", null)).isEqualTo(Duration.ofHours(4));
    assertThat(firstTouch.slaFor("WEBINAR", "HOT")).isEqualTo(Duration.ofHours(4));
    assertThat(firstTouch.slaFor(null, null)).isEqualTo(Duration.ofHours(48));
    assertThat(firstTouch.warnAt()).isEqualTo(0.75);
  }

  @Test
  void theShortestApplicableSlaWins() throws Exception {
    Policy policy =
        PolicyLoader.parse(
            """
            policyId: p
            version: "2"
            rules:
              first-touch:
                sla: PT48H
                bySource: {RFP_REQUEST: PT2H}
                byPriority: {HOT: PT4H}
            """,
            "test.yaml");
    RulePolicy rule = policy.rule(RuleId.FIRST_TOUCH).orElseThrow();
    assertThat(rule.slaFor("RFP_REQUEST", "HOT")).isEqualTo(Duration.ofHours(2));
    assertThat(rule.slaFor("TRADE_SHOW", "HOT")).isEqualTo(Duration.ofHours(4));
    assertThat(policy.version()).isEqualTo("2");
    // Rules the file does not mention keep the built-in settings.
    assertThat(policy.rule(RuleId.UNASSIGNED)).isPresent();
  }

  @Test
  void aRuleCanBeTurnedOff() throws Exception {
    Policy policy =
        PolicyLoader.parse(
            """
            policyId: p
            version: "3"
            rules:
              unassigned:
                enabled: false
                sla: PT4H
            """,
            "test.yaml");
    assertThat(policy.rule(RuleId.UNASSIGNED)).isEmpty();
  }

  @Test
  void aRuleTurnedOffNeedsNoOtherField() throws Exception {
    Policy policy =
        PolicyLoader.parse(
            """
            policyId: p
            version: "3"
            rules:
              unassigned: {enabled: false}
              touch-cadence:
                enabled: false
            """,
            "test.yaml");
    assertThat(policy.rule(RuleId.UNASSIGNED)).isEmpty();
    assertThat(policy.rule(RuleId.TOUCH_CADENCE)).isEmpty();
    // What it leaves out comes from the built-in settings, to word the end of running clocks.
    RulePolicy cadence = policy.settings(RuleId.TOUCH_CADENCE);
    assertThat(cadence.enabled()).isFalse();
    assertThat(cadence.sla()).isEqualTo(Duration.ofDays(14));
    assertThat(cadence.touchesOwed()).isEqualTo(4);
    assertThat(policy.rule(RuleId.FIRST_TOUCH)).isPresent();
  }

  @Test
  void cadenceAndCoverageCountOnlyPersonalisedTouchesUnlessThePolicySaysOtherwise()
      throws Exception {
    Policy unsaid =
        PolicyLoader.parse(
            """
            policyId: p
            version: "1"
            rules:
              first-touch: {sla: PT48H}
              follow-up-after-engagement: {sla: PT8H}
              touch-cadence: {sla: P14D, minTouches: 4}
              buying-group-coverage: {sla: P21D, minTouches: 5}
            """,
            "test.yaml");
    assertThat(unsaid.settings(RuleId.FIRST_TOUCH).countOnlyPersonalized()).isFalse();
    assertThat(unsaid.settings(RuleId.FOLLOW_UP_AFTER_ENGAGEMENT).countOnlyPersonalized())
        .isFalse();
    assertThat(unsaid.settings(RuleId.TOUCH_CADENCE).countOnlyPersonalized()).isTrue();
    assertThat(unsaid.settings(RuleId.BUYING_GROUP_COVERAGE).countOnlyPersonalized()).isTrue();

    Policy said =
        PolicyLoader.parse(
            """
            policyId: p
            version: "1"
            rules:
              first-touch: {sla: PT48H, countOnlyPersonalized: true}
              touch-cadence: {sla: P14D, minTouches: 4, countOnlyPersonalized: false}
              buying-group-coverage: {sla: P21D, minTouches: 5, countOnlyPersonalized: false}
            """,
            "test.yaml");
    assertThat(said.settings(RuleId.FIRST_TOUCH).countOnlyPersonalized()).isTrue();
    assertThat(said.settings(RuleId.TOUCH_CADENCE).countOnlyPersonalized()).isFalse();
    assertThat(said.settings(RuleId.BUYING_GROUP_COVERAGE).countOnlyPersonalized()).isFalse();
  }

  @Test
  void aBuyingGroupNeedsTwoOpenLeadsUnlessThePolicySaysMore() throws Exception {
    assertThat(PolicyLoader.builtInDefault().settings(RuleId.BUYING_GROUP_COVERAGE).membersNeeded())
        .isEqualTo(2);
    Policy unsaid =
        PolicyLoader.parse(
            """
            policyId: p
            version: "1"
            rules:
              buying-group-coverage: {sla: P21D, minTouches: 5}
            """,
            "test.yaml");
    assertThat(unsaid.settings(RuleId.BUYING_GROUP_COVERAGE).membersNeeded()).isEqualTo(2);
    Policy three =
        PolicyLoader.parse(
            """
            policyId: p
            version: "1"
            rules:
              buying-group-coverage: {sla: P21D, minTouches: 5, minMembers: 3}
            """,
            "test.yaml");
    assertThat(three.settings(RuleId.BUYING_GROUP_COVERAGE).membersNeeded()).isEqualTo(3);
  }

  /** Each mistake in a rule, the rule's lines from line 4 on, and the one line that refuses it. */
  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            """
              first-touch:
                sla: PT4H
              touch-cadence:
                minTouches: 3
                escalateAfter: P3D
              unassigned:
                sla: PT1H
            """,
            "policy.yaml line 6: rule touch-cadence needs 'sla', an ISO-8601 duration such as"
                + " PT48H"),
        Arguments.of(
            """
              touch-cadence:
                sla: P14D
                countOnlyPersonalized: true
            """,
            "policy.yaml line 4: rule touch-cadence needs 'minTouches', a whole number such as 4:"
                + " the touches owed within its sla"),
        Arguments.of(
            """
              first-touch:
                sla: 48 hours
            """,
            "policy.yaml line 5: rule first-touch: 'sla' must be an ISO-8601 duration such as"
                + " PT48H, not '48 hours'"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                bySource: {RFP_REQUEST: 1h}
            """,
            "policy.yaml line 6: rule first-touch: 'bySource' for RFP_REQUEST must be an ISO-8601"
                + " duration such as PT48H, not '1h'"),
        Arguments.of(
            """
              touch-cadence:
                sla: P14D
                minTouches: four
            """,
            "policy.yaml line 6: rule touch-cadence: 'minTouches' must be a whole number such as"
                + " 4, not 'four'"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                warnAt: high
            """,
            "policy.yaml line 6: rule first-touch: 'warnAt' must be a share of the SLA such as"
                + " 0.75, not 'high'"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                enabled: maybe
            """,
            "policy.yaml line 6: rule first-touch: 'enabled' must be true or false, not 'maybe'"),
        Arguments.of(
            """
              first-tuch:
                sla: PT4H
            """,
            "policy.yaml line 4: unknown rule 'first-tuch'; did you mean 'first-touch'?"),
        Arguments.of(
            """
              response-time:
                sla: PT4H
            """,
            "policy.yaml line 4: unknown rule 'response-time' (known: buying-group-coverage,"
                + " first-touch, follow-up-after-engagement, touch-cadence, unassigned)"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                warnAtt: 0.5
            """,
            "policy.yaml line 6: rule first-touch: unknown field 'warnAtt'; did you mean"
                + " 'warnAt'?"),
        Arguments.of(
            """
              touch-cadence:
                sla: P14D
                min-touches: 4
            """,
            "policy.yaml line 6: rule touch-cadence: unknown field 'min-touches'; did you mean"
                + " 'minTouches'?"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                owner: R-DANA
            """,
            "policy.yaml line 6: rule first-touch: unknown field 'owner' (known: byPriority,"
                + " bySource, calendar, countOnlyPersonalized, enabled, escalateAfter,"
                + " minIntentScore, minMembers, minTouches, sla, warnAt)"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                warnAt: 1.5
            """,
            "policy.yaml line 6: rule first-touch: 'warnAt' must be a share of the SLA between 0"
                + " and 1 such as 0.75, not 1.5"),
        Arguments.of(
            """
              touch-cadence:
                sla: P14D
                minTouches: 0
            """,
            "policy.yaml line 6: rule touch-cadence: 'minTouches' must be 1 or more, not 0"),
        Arguments.of(
            """
              follow-up-after-engagement:
                sla: PT8H
                minIntentScore: 150
            """,
            "policy.yaml line 6: rule follow-up-after-engagement: 'minIntentScore' must be between"
                + " 0 and 100, not 150"),
        Arguments.of(
            """
              buying-group-coverage:
                sla: P21D
                minTouches: 5
                minMembers: 1
            """,
            "policy.yaml line 7: rule buying-group-coverage: 'minMembers' must be 2 or more (one"
                + " open lead is not a buying group), not 1"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                minMembers: 3
            """,
            "policy.yaml line 6: rule first-touch: 'minMembers' applies only to"
                + " buying-group-coverage"),
        Arguments.of(
            """
              first-touch:
                sla: PT0S
            """,
            "policy.yaml line 5: rule first-touch: 'sla' must be a positive duration such as"
                + " PT48H, not PT0S"),
        Arguments.of(
            """
              first-touch:
                sla: PT48H
                byPriority:
                  WARM: PT24H
                  HOT: -PT1H
            """,
            "policy.yaml line 8: rule first-touch: 'byPriority' for HOT must be a positive"
                + " duration such as PT48H, not PT-1H"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                calendar: office
            """,
            "policy.yaml line 6: rule first-touch: 'calendar' must be wall-clock or business, not"
                + " 'office'"),
        Arguments.of(
            """
              first-touch: PT4H
            """,
            "policy.yaml line 4: rule first-touch must be a set of fields such as {sla: PT48H},"
                + " not 'PT4H'"),
        Arguments.of(
            """
              first-touch:
                sla: PT4H
                sla: PT8H
            """,
            "policy.yaml line 6: 'sla' is given twice (also on line 5); keep one"),
        Arguments.of(
            """
              first-touch: &fast {sla: PT4H}
              unassigned: *fast
            """,
            "policy.yaml line 5: write the value out instead of the alias *fast"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void aMistakeInARuleIsOneLineAtItsOwnLine(String rules, String message) {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse("policyId: p\nversion: \"1\"\nrules:\n" + rules, "policy.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(message);
  }

  @Test
  void mistakesOutsideTheRulesAreOneLineAtTheirLine() {
    assertThatThrownBy(() -> PolicyLoader.parse("policyId: p\nrules: {}\n", "policy.yaml"))
        .hasMessage("policy.yaml line 1: the policy needs 'version', e.g. version: \"2026-03-01\"");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    "policyId: p\nversion: \"1\"\nrule:\n  first-touch: {sla: PT4H}\n",
                    "policy.yaml"))
        .hasMessage("policy.yaml line 3: unknown field 'rule'; did you mean 'rules'?");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules: {}
                    calendars:
                      regions:
                        US:
                          timeZone: America/Nwe_York
                    """,
                    "policy.yaml"))
        .hasMessage(
            "policy.yaml line 7: calendar US: 'timeZone' must be an IANA time zone such as"
                + " America/New_York, not 'America/Nwe_York'");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules:
                      first-touch:
                        sla: PT4H
                       warnAt: 0.5
                    """,
                    "policy.yaml"))
        .hasMessage(
            "policy.yaml line 6: not valid YAML here (check the indentation, the colons and the"
                + " quotes)");
  }

  @Test
  void aMissingVersionOrFileIsRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> PolicyLoader.parse("policyId: p\nrules: {}\n", "policy.yaml"))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> PolicyLoader.fromFile(dir.resolve("nope.yaml")))
        .hasMessage("policy file " + dir.resolve("nope.yaml") + " does not exist");
    Path file = dir.resolve("ok.yaml");
    Files.writeString(file, "policyId: p\nversion: v7\nrules: {}\n");
    assertThat(PolicyLoader.fromFile(file).version()).isEqualTo("v7");
  }

  @Test
  void theDemoPolicyCompressesTime() {
    RulePolicy firstTouch = PolicyLoader.demo().rule(RuleId.FIRST_TOUCH).orElseThrow();
    assertThat(firstTouch.slaFor("RFP_REQUEST", "HOT")).isLessThan(Duration.ofMinutes(1));
  }
}
