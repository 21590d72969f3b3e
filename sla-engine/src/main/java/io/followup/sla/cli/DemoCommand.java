package io.followup.sla.cli;

import io.followup.sla.access.Credential;
import io.followup.sla.alerts.AlertText;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.demo.DemoWorkload;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./sla demo}: the embedded default plus a believable workload, alerts printed as they fire.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a Kafka broker (localhost:9092, data in ./data), the schema registry"
          + " (localhost:8081), the engine (HTTP :8080) and a synthetic workload of life-science"
          + " leads and reps, and prints each alert as it fires.",
      "The demo policy compresses time (seconds stand in for hours): the first breaches show within"
          + " a minute."
    })
final class DemoCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Spec CommandSpec spec;

  /** Each run numbers its leads past the previous run's, so leads kept in ./data stay apart. */
  private static final int LEADS_PER_RUN = 10_000;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description =
          "Stop by itself after this ISO-8601 duration, e.g. PT2M (default: run until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Where the broker and the engine keep their data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A properties file of settings (see the README), e.g. other ports for the embedded"
              + " broker, registry and HTTP.")
  Path configFile;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed of the workload's randomness.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new UserError("--duration must be positive, e.g. PT2M");
    }
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    EngineConfig config =
        EngineConfig.load(Optional.ofNullable(configFile), System.getenv())
            .with(
                Map.of(
                    EngineConfig.DATA_DIR,
                    dataDir.toString(),
                    EngineConfig.PUNCTUATE_INTERVAL,
                    "PT0.5S"));
    String demoLogin = null;
    if (config.users().isEmpty()) {
      // The query API needs a login: a demo one with a random password, said once, here.
      String password = Credential.randomSecret(new SecureRandom());
      config =
          config.with(
              Map.of(
                  EngineConfig.HTTP_USERS,
                  "demo ops " + Credential.hashPassword(password, new SecureRandom())));
      demoLogin = password;
    }
    Policy policy = PolicyLoader.demo();
    int firstLead = 1001 + LEADS_PER_RUN * previousRuns(dataDir);

    ShutdownSignal signal = ShutdownSignal.install();
    ScheduledExecutorService executor =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "demo-workload");
              t.setDaemon(true);
              return t;
            });
    try (EngineStack stack = EngineStack.start(config, new PolicyHolder(policy), out::println);
        KafkaConsumer<String, SlaAlert> alerts = alertConsumer(stack);
        EventPublisher publisher =
            new EventPublisher(
                stack.config().get(EngineConfig.BOOTSTRAP_SERVERS).orElseThrow(),
                stack.config().kafkaClientProperties(),
                stack.config().topics(),
                stack.registry(),
                true);
        // Declared after the stack, so closed before it: an extension reads from its broker.
        StartedExtensions extensions = new StartedExtensions()) {
      if (!stack.awaitRunning(out::println, signal::requested)) {
        out.println("Stopping...");
        return 0;
      }
      String httpRoot = "http://localhost:" + config.get(EngineConfig.HTTP_PORT, "8080");
      if (demoLogin != null) {
        out.println(
            "Query API login (shown only now): user demo, password "
                + demoLogin
                + " (e.g. curl -u demo:"
                + demoLogin
                + " "
                + httpRoot
                + "/api/openapi.json)");
      }
      out.println(
          "The manager's page: "
              + httpRoot
              + "/ (log in "
              + (demoLogin != null ? "as demo with the password above" : "with a login of yours")
              + ")");
      long ready = System.nanoTime();
      out.printf(
          "Ready in %.1f s. Demo policy %s: %s%n",
          (ready - started) / 1e9, policy.version(), describe(policy));
      extensions.addAll(startExtensions(stack, out));
      DemoWorkload workload =
          new DemoWorkload(
                  Clock.systemUTC(),
                  seed,
                  event -> publisher.send(withExtensionsProfile(extensions, event)))
              .startingAtLead(firstLead);
      out.println(
          "Reps: Dana Ortiz is slow, Lukas ignores content-syndication leads, Kevin sends one"
              + " generic email and quits; the others are prompt.");
      out.println(
          "Alerts as they fire"
              + (duration == null
                  ? " (Ctrl-C stops the demo):"
                  : " (for " + AlertText.duration(duration) + "):"));
      out.println();
      workload.start(executor);

      Map<String, Integer> byKind = new TreeMap<>();
      long firstAlert = -1;
      long deadline = duration == null ? Long.MAX_VALUE : ready + duration.toNanos();
      while (!signal.requested() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, SlaAlert> record : alerts.poll(Duration.ofMillis(250))) {
          if (firstAlert < 0) {
            firstAlert = System.nanoTime();
          }
          byKind.merge(record.value().getKind(), 1, Integer::sum);
          out.println(AlertConsole.line(record.value()));
          extensions.forEach(e -> e.alertPrinted(record.value()));
        }
      }
      workload.stop();
      out.println();
      out.printf(
          "Demo ran %s: %d events sent, %d alerts %s; first alert %s after the workload started"
              + "%s.%n",
          AlertText.duration(Duration.ofNanos(System.nanoTime() - ready)),
          workload.eventsSent(),
          byKind.values().stream().mapToInt(Integer::intValue).sum(),
          byKind,
          firstAlert < 0 ? "never came" : String.format("%.1f s", (firstAlert - ready) / 1e9),
          deliveries(extensions, ready));
      out.println("Stopping...");
    } finally {
      executor.shutdownNow();
      signal.closed();
    }
    return 0;
  }

  /** The extensions started, stopped in reverse order. */
  private static final class StartedExtensions extends ArrayList<DemoExtension.Running>
      implements AutoCloseable {

    @Override
    public void close() {
      for (int i = size() - 1; i >= 0; i--) {
        get(i).close();
      }
    }
  }

  /**
   * Starts every extension on the classpath. One that cannot start is reported in one line and left
   * out: the alerts still show.
   */
  private List<DemoExtension.Running> startExtensions(EngineStack stack, PrintWriter out) {
    DemoExtension.Context context =
        new DemoExtension.Context(
            stack.config().get(EngineConfig.BOOTSTRAP_SERVERS).orElseThrow(),
            stack.config().get(EngineConfig.SCHEMA_REGISTRY_URL).orElseThrow(),
            stack.config().topics().alerts(),
            stack.config().topics().reps(),
            dataDir,
            out::println,
            Clock.systemUTC());
    List<DemoExtension.Running> running = new ArrayList<>();
    for (DemoExtension extension : ServiceLoader.load(DemoExtension.class)) {
      try {
        running.add(extension.start(context));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.forEach(DemoExtension.Running::close);
        throw new UserError("interrupted while starting the demo", e);
      } catch (Exception e) {
        // The demo still shows its alerts; the log file has the whole story.
        LOG.warn("Demo extension {} did not start", extension.getClass().getName(), e);
        out.println(
            "Could not start "
                + extension.getClass().getSimpleName()
                + ", the demo runs without it: "
                + rootMessage(e));
      }
    }
    return running;
  }

  private static SpecificRecord withExtensionsProfile(
      List<DemoExtension.Running> extensions, SpecificRecord event) {
    if (!(event instanceof RepProfile rep)) {
      return event;
    }
    RepProfile adjusted = rep;
    for (DemoExtension.Running extension : extensions) {
      adjusted = extension.profile(adjusted);
    }
    return adjusted;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** "; 23 deliveries, the first 31.0 s after the workload started", or nothing without any. */
  private static String deliveries(List<DemoExtension.Running> extensions, long ready) {
    if (extensions.isEmpty()) {
      return "";
    }
    int count = extensions.stream().mapToInt(DemoExtension.Running::deliveries).sum();
    OptionalLong first =
        extensions.stream()
            .map(DemoExtension.Running::firstDeliveryNanos)
            .filter(OptionalLong::isPresent)
            .mapToLong(OptionalLong::getAsLong)
            .min();
    return "; "
        + count
        + (count == 1 ? " delivery" : " deliveries")
        + (first.isPresent()
            ? String.format(
                Locale.ROOT,
                ", the first %.1f s after the workload started",
                (first.getAsLong() - ready) / 1e9)
            : "");
  }

  private static String describe(Policy policy) {
    RulePolicy firstTouch = policy.rule(RuleId.FIRST_TOUCH).orElseThrow();
    RulePolicy unassigned = policy.rule(RuleId.UNASSIGNED).orElseThrow();
    RulePolicy followUp = policy.rule(RuleId.FOLLOW_UP_AFTER_ENGAGEMENT).orElseThrow();
    RulePolicy cadence = policy.rule(RuleId.TOUCH_CADENCE).orElseThrow();
    RulePolicy group = policy.rule(RuleId.BUYING_GROUP_COVERAGE).orElseThrow();
    return "first touch within "
        + AlertText.duration(firstTouch.sla())
        + " (RFP and hot leads "
        + AlertText.duration(firstTouch.slaFor("RFP_REQUEST", "HOT"))
        + "), an owner within "
        + AlertText.duration(unassigned.sla())
        + ", a follow-up within "
        + AlertText.duration(followUp.sla())
        + " of a re-engagement, "
        + cadence.touchesOwed()
        + " personalised touches within "
        + AlertText.duration(cadence.sla())
        + " of the first, and "
        + group.touchesOwed()
        + " for every buying-group member within "
        + AlertText.duration(group.sla())
        + ".";
  }

  /** Counts demo runs on this data directory, and records this one. */
  private static int previousRuns(Path dataDir) {
    Path counter = dataDir.resolve("demo-runs");
    try {
      Files.createDirectories(dataDir);
      int runs =
          Files.exists(counter)
              ? Integer.parseInt(Files.readString(counter, StandardCharsets.UTF_8).strip())
              : 0;
      Files.writeString(counter, Integer.toString(runs + 1), StandardCharsets.UTF_8);
      return runs;
    } catch (IOException | NumberFormatException e) {
      throw new UserError("cannot use the data directory " + dataDir + ": " + e.getMessage());
    }
  }

  private static KafkaConsumer<String, SlaAlert> alertConsumer(EngineStack stack) {
    Map<String, Object> props = new HashMap<>(stack.config().kafkaClientProperties());
    props.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        stack.config().get(EngineConfig.BOOTSTRAP_SERVERS).orElseThrow());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, SlaAlert> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new SpecificAvroDeserializer<>(stack.registry(), SlaAlert.class));
    TopicNames topics = stack.config().topics();
    List<TopicPartition> partitions =
        consumer.partitionsFor(topics.alerts(), Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}
