package io.followup.sla.bench;

import io.followup.sla.cli.SlaCommand;
import io.followup.sla.cli.UserError;
import io.followup.sla.streams.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One of the two apps the bench compares, as a child JVM it can start, stop and start again on the
 * same state: the engine exactly as {@code ./sla run} starts it (on the bench's broker and
 * registry), or the {@link BareCountApp}. Both run one stream thread with a 100 ms commit interval.
 */
final class LiveApp implements AutoCloseable {

  enum Kind {
    ENGINE("engine", "Engine running"),
    BARE("bare app", BareCountApp.READY);

    final String label;
    final String readyMarker;

    Kind(String label, String readyMarker) {
      this.label = label;
      this.readyMarker = readyMarker;
    }
  }

  /** Linux keeps 15 characters of a thread's name: "engine-StreamTh", "bare-StreamThre". */
  static final String STREAM_THREAD = "-StreamTh";

  static final String COMMIT_INTERVAL_MS = "100";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private final Kind kind;
  private final String applicationId;
  private final TopicNames topics;
  private final BenchCluster cluster;
  private final Path dataDir;
  private final Path workDir;
  private final String heap;
  private final Map<String, String> engineSettings;
  private ChildJvm child;
  private int starts;

  LiveApp(
      Kind kind,
      String applicationId,
      TopicNames topics,
      BenchCluster cluster,
      Path workDir,
      String heap,
      Map<String, String> engineSettings) {
    this.kind = kind;
    this.applicationId = applicationId;
    this.topics = topics;
    this.cluster = cluster;
    this.workDir = workDir;
    this.dataDir = workDir.resolve(applicationId);
    this.heap = heap;
    this.engineSettings = Map.copyOf(engineSettings);
  }

  String label() {
    return kind.label;
  }

  Kind kind() {
    return kind;
  }

  /** The consumer group: Kafka Streams names it after the application id. */
  String groupId() {
    return applicationId;
  }

  /** What the app consumes, so what must be committed before it has caught up. */
  List<String> consumedTopics() {
    List<String> consumed = new ArrayList<>(topics.leadEventTopics());
    if (kind == Kind.ENGINE) {
      consumed.add(topics.buyingGroupMembers());
      consumed.add(topics.teamClocks());
    }
    return consumed;
  }

  /** Whether a topic is one this app writes: its sinks, changelogs and repartition topics. */
  boolean writes(String topic) {
    if (topic.startsWith(applicationId + "-")) {
      return true;
    }
    return kind == Kind.ENGINE
        && (topic.equals(topics.alerts())
            || topic.equals(topics.deadLetters())
            || topic.equals(topics.buyingGroupMembers())
            || topic.equals(topics.teamClocks())
            || topic.equals(topics.weeklyReviews()));
  }

  /** Starts the JVM and waits until Kafka Streams is RUNNING; when it was, in nanoseconds. */
  long start() throws InterruptedException {
    launch();
    return awaitReady();
  }

  /** Starts the JVM; {@link #awaitReady()} waits for it, so several apps can start at once. */
  void launch() {
    starts++;
    Path log = workDir.resolve("logs").resolve(applicationId + "-" + starts + ".out");
    List<String> logging =
        List.of(
            "-Dsla.log.dir=" + workDir.resolve("logs").resolve(applicationId),
            "-Dsla.console.level=WARN");
    List<String> command =
        switch (kind) {
          case ENGINE ->
              ChildJvm.javaCommand(
                  heap,
                  logging,
                  SlaCommand.class.getName(),
                  List.of("run", "--config", writeEngineConfig().toString()));
          case BARE -> {
            List<String> args = new ArrayList<>();
            args.add(cluster.bootstrapServers());
            args.add(applicationId);
            args.add(dataDir.toString());
            args.add("bare");
            args.addAll(topics.leadEventTopics());
            yield ChildJvm.javaCommand(heap, logging, BareCountApp.class.getName(), args);
          }
        };
    child = ChildJvm.start(kind.label, command, workDir, log, kind.readyMarker);
  }

  /** Waits until Kafka Streams is RUNNING; when it was, on {@link System#nanoTime()}'s scale. */
  long awaitReady() throws InterruptedException {
    child().awaitReady(START_TIMEOUT);
    return child.readyAtNanos();
  }

  private Path writeEngineConfig() {
    Properties config = new Properties();
    config.setProperty("kafka.bootstrap-servers", cluster.bootstrapServers());
    config.setProperty("schema-registry.url", cluster.registryUrl());
    config.setProperty("schema-registry.auto-register", "true");
    config.setProperty("application.id", applicationId);
    config.setProperty("data.dir", dataDir.toString());
    config.setProperty("http.host", "127.0.0.1");
    config.setProperty("http.port", Integer.toString(freePort()));
    config.setProperty("topics.partitions", Integer.toString(BenchCluster.PARTITIONS));
    config.setProperty("streams.num.stream.threads", "1");
    config.setProperty("streams.commit.interval.ms", COMMIT_INTERVAL_MS);
    config.setProperty("streams.client.id", "engine");
    config.setProperty("topics.lead-created", topics.leadCreated());
    config.setProperty("topics.status-changed", topics.statusChanged());
    config.setProperty("topics.content-engaged", topics.contentEngaged());
    config.setProperty("topics.rep-touched", topics.repTouched());
    config.setProperty("topics.reps", topics.reps());
    config.setProperty("topics.policies", topics.policies());
    config.setProperty("topics.alerts", topics.alerts());
    config.setProperty("topics.dead-letters", topics.deadLetters());
    config.setProperty("topics.buying-group-members", topics.buyingGroupMembers());
    config.setProperty("topics.misplaced-lead-events", topics.misplacedEvents());
    config.setProperty("topics.weekly-reviews", topics.weeklyReviews());
    config.setProperty("topics.team-clocks", topics.teamClocks());
    engineSettings.forEach(
        (key, value) -> {
          // What the bench sets itself makes the two apps comparable (commit interval, one thread)
          // or points the engine at the run's broker and topics: a run may not change it.
          if (config.containsKey(key)) {
            throw new UserError(
                "bench: --engine-setting cannot change " + key + ", which the bench sets itself");
          }
          config.setProperty(key, value);
        });
    Path file = workDir.resolve(applicationId + ".properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      config.store(out, "The engine as the bench runs it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the engine's HTTP", e);
    }
  }

  ChildJvm child() {
    if (child == null) {
      throw new IllegalStateException("the " + kind.label + " was not started");
    }
    return child;
  }

  /** Asks the JVM to stop as Ctrl-C would: the stores are flushed and closed. */
  void requestStop() {
    if (child != null) {
      child.requestStop();
    }
  }

  /** Stops the JVM as Ctrl-C would and waits for it. */
  void stop() throws InterruptedException {
    if (child != null) {
      child.stop(STOP_TIMEOUT);
    }
  }

  /** Bytes in the app's state directory (its stores); exact once the app has stopped. */
  long stateBytes() {
    try (Stream<Path> files = Files.walk(dataDir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDir, e);
    }
  }

  @Override
  public void close() {
    if (child != null) {
      child.close();
    }
  }
}
