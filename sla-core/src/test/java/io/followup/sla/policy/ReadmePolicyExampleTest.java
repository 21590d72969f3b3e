package io.followup.sla.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's complete policy example is a policy the engine accepts, as written. */
class ReadmePolicyExampleTest {

  @Test
  void theDocumentedExampleValidates() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```yaml\n");
    assertThat(start).as("a yaml block in the README").isNotNegative();
    String yaml = readme.substring(start + 8, readme.indexOf("```", start + 8));

    Policy policy = PolicyLoader.parse(yaml, "README.md");

    assertThat(policy.version()).isEqualTo("2026-03-01");
    assertThat(policy.rules()).containsOnlyKeys(RuleId.values());
    assertThat(policy.rule(RuleId.FOLLOW_UP_AFTER_ENGAGEMENT).orElseThrow().calendar())
        .isEqualTo(RulePolicy.CalendarMode.BUSINESS);
    assertThat(policy.calendars().regions()).containsKeys("US", "DE");
    assertThat(policy.warnManagerWhenOutOfOffice()).isTrue();
  }
}
