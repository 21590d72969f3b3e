package io.followup.sla.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Kafka Streams instance's meters: every client metric through Micrometer's {@code
 * KafkaStreamsMetrics} binder (threads, tasks, state stores and RocksDB memory, the embedded
 * consumers and producers), and whether the instance is ready.
 */
public final class StreamsMeters implements AutoCloseable {

  /**
   * How often new client metrics (a task's or a store's, after a rebalance) are picked up;
   * Micrometer's default of a minute would leave them out of the first minute's scrapes.
   */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private final KafkaStreamsMetrics binder;
  private final ScheduledExecutorService refresh;
  private final MeterRegistry registry;
  private final Gauge ready;

  private StreamsMeters(
      KafkaStreamsMetrics binder,
      ScheduledExecutorService refresh,
      MeterRegistry registry,
      Gauge ready) {
    this.binder = binder;
    this.refresh = refresh;
    this.registry = registry;
    this.ready = ready;
  }

  /** Binds before {@code streams} starts, so its first metrics are there from the start. */
  public static StreamsMeters bind(KafkaStreams streams, MeterRegistry registry) {
    ScheduledExecutorService refresh =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sla-kafka-metrics");
              t.setDaemon(true);
              return t;
            });
    KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, List.of(), refresh, REFRESH);
    // Bound through a composite: the binder removes a task's meters by the ids it registered them
    // under, and only a composite passes that on to meters that the registry's filters renamed
    // (KafkaMeterFilters); bound directly, a task that moved away would leave NaN series behind.
    binder.bindTo(new CompositeMeterRegistry(Clock.SYSTEM, List.of(registry)));
    Gauge ready =
        Gauge.builder(
                "sla.engine.ready", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
            .description("1 while the engine is RUNNING and so ready (what /health/ready says)")
            .register(registry);
    return new StreamsMeters(binder, refresh, registry, ready);
  }

  @Override
  public void close() {
    binder.close();
    refresh.shutdownNow();
    registry.remove(ready);
  }
}
