package io.followup.sla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.cli.SlaCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the bench's options accept, before anything is started. */
class BenchCommandTest {

  @Test
  void anEngineSettingWithoutKeyAndValueIsRefusedInOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        SlaCommand.execute(
            new String[] {"bench", "--quick", "--engine-setting", "engine.max-task-idle"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertThat(exit).isNotZero();
    assertThat(err.toString().strip())
        .contains("--engine-setting takes KEY=VALUE")
        .doesNotContain("\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void engineSettingsAreCarriedByThePlanInKeyOrder() {
    BenchPlan plan =
        BenchPlan.quick()
            .withEngineSettings(
                Map.of("streams.producer.linger.ms", "5", "engine.max-task-idle", "PT0S"));

    assertThat(plan.engineSettings().keySet())
        .containsExactly("engine.max-task-idle", "streams.producer.linger.ms");
    assertThat(BenchPlan.quick().engineSettings()).isEmpty();
  }
}
