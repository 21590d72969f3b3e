package io.followup.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

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
  void aBadDurationNamesTheLineAndTheField() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules:
                      first-touch:
                        sla: 48 hours
                    """,
                    "policy.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yaml line 5")
        .hasMessageContaining("rules.first-touch.sla")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void anUnknownFieldIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules:
                      first-touch:
                        sla: PT4H
                        warnAtt: 0.5
                    """,
                    "policy.yaml"))
        .hasMessageContaining("line 6")
        .hasMessageContaining("unknown field 'warnAtt'")
        .hasMessageContaining("warnAt");
  }

  @Test
  void anUnknownRuleAndAnImpossibleWarningShareAreRefused() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules:
                      first-tuch:
                        sla: PT4H
                    """,
                    "policy.yaml"))
        .hasMessageContaining("unknown rule 'first-tuch'");
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    policyId: p
                    version: "1"
                    rules:
                      first-touch:
                        sla: PT4H
                        warnAt: 1.5
                    """,
                    "policy.yaml"))
        .hasMessageContaining("rules.first-touch")
        .hasMessageContaining("warnAt must be a share of the SLA between 0 and 1");
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
