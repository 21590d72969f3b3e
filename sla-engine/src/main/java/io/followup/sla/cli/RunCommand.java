package io.followup.sla.cli;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./sla run}: the engine alone, on existing infrastructure or on the embedded default. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the engine until Ctrl-C.",
      "With kafka.bootstrap-servers and schema-registry.url set (in --config or as"
          + " SLA_KAFKA_BOOTSTRAP_SERVERS and SLA_SCHEMA_REGISTRY_URL) it joins existing"
          + " infrastructure; without them it starts the embedded broker (localhost:9092, data in"
          + " ./data) and schema registry (localhost:8081)."
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (see the README).")
  Path config;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "The SLA policy (YAML); default: the built-in policy.")
  Path policy;

  @Override
  public Integer call() throws Exception {
    EngineConfig settings = EngineConfig.load(Optional.ofNullable(config), System.getenv());
    Path policyFile =
        policy != null ? policy : settings.get(EngineConfig.POLICY_FILE).map(Path::of).orElse(null);
    Policy active =
        policyFile == null ? PolicyLoader.builtInDefault() : PolicyLoader.fromFile(policyFile);

    PrintWriter status = spec.commandLine().getErr();
    ShutdownSignal signal = ShutdownSignal.install();
    try (EngineStack stack =
        EngineStack.start(settings, new PolicyHolder(active), status::println)) {
      if (!stack.awaitRunning(status::println, signal::requested)) {
        status.println("Stopping...");
        return 0;
      }
      status.println(
          "Engine running with policy "
              + active.policyId()
              + " version "
              + active.version()
              + "; Ctrl-C stops it.");
      signal.awaitRequest();
      status.println("Stopping...");
    } finally {
      signal.closed();
    }
    return 0;
  }
}
