package io.followup.sla.cli;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * More for {@code ./sla demo} to start beside the engine, from another module, found with {@link
 * java.util.ServiceLoader}: the implementing class has a public no-argument constructor and is
 * named in its jar's {@code META-INF/services/io.followup.sla.cli.DemoExtension}. The demo starts
 * whichever are on the classpath (the alert delivery through Kafka Connect is one), so the engine
 * never depends on what they bring; with none, the demo runs as it always did.
 */
public interface DemoExtension {

  /**
   * Starts the extension; called once the engine runs and before the workload starts.
   *
   * @throws Exception when it cannot start: the demo says so in one line and runs without it
   */
  Running start(Context context) throws Exception;

  /**
   * What an extension needs of the demo.
   *
   * @param out prints one line to the person watching; safe to call from any thread
   * @param dataDir the demo's data directory, where an extension keeps its own state
   */
  record Context(
      String bootstrapServers,
      String schemaRegistryUrl,
      String alertsTopic,
      String repsTopic,
      Path dataDir,
      Consumer<String> out,
      Clock clock) {}

  /** A started extension; {@link #close()} stops it. */
  interface Running extends AutoCloseable {

    /**
     * The team's profile as this extension needs it on the reps topic (e.g. working hours
     * compressed like the demo's SLAs); called for each profile before the workload sends it.
     */
    default RepProfile profile(RepProfile rep) {
      return rep;
    }

    /** Called after the demo printed {@code alert}, for lines that explain what becomes of it. */
    default void alertPrinted(SlaAlert alert) {}

    /** What the extension delivered so far, for the demo's summary line. */
    int deliveries();

    /** {@link System#nanoTime()} when the first delivery arrived; empty before. */
    OptionalLong firstDeliveryNanos();

    @Override
    void close();
  }
}
