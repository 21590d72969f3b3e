package io.followup.sla.cli;

import io.followup.sla.config.EngineConfig;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.streams.EventPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./sla policy}: check a policy file, or publish it to every running instance. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Checks an SLA policy file, or publishes it to the sla.policies topic.",
    subcommands = {PolicyCommand.Validate.class, PolicyCommand.Publish.class})
final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a policy command: validate or publish");
  }

  static Policy load(Path file) throws Exception {
    return PolicyLoader.fromFile(file);
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = "Checks a policy file.")
  static final class Validate implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The policy (YAML).")
    Path file;

    @Override
    public Integer call() throws Exception {
      Policy policy = load(file);
      spec.commandLine()
          .getOut()
          .printf(
              "%s: policy %s version %s is valid.%n", file, policy.policyId(), policy.version());
      return 0;
    }
  }

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Validates a policy file and publishes it to the compacted sla.policies topic: every engine"
            + " following that policyId puts it in force within seconds. Running clocks keep their"
            + " deadlines; new clocks use the new version."
      })
  static final class Publish implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The policy (YAML).")
    Path file;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Where Kafka and the registry are (see ./sla run).")
    Path config;

    @Override
    public Integer call() throws Exception {
      Policy policy = load(file);
      String document;
      try {
        document = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError("cannot read " + file + ": " + e.getMessage());
      }
      EngineConfig settings = EngineConfig.load(Optional.ofNullable(config), System.getenv());
      SlaPolicy published =
          SlaPolicy.newBuilder()
              .setPolicyId(policy.policyId())
              .setVersion(policy.version())
              .setDocument(document)
              .setPublishedAt(Instant.now())
              .setPublishedBy(System.getenv("USER"))
              .build();
      try (EventPublisher publisher = AdminConnection.publisher(settings)) {
        publisher.sendAndWait(published, 30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException | KafkaException e) {
        throw AdminConnection.publishFailure(settings, e);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Published policy %s version %s to %s.%n",
              policy.policyId(), policy.version(), settings.topics().policies());
      return 0;
    }
  }
}
