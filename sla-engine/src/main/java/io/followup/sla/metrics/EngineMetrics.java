package io.followup.sla.metrics;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.rules.Deadline;
import io.followup.sla.streams.EngineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The engine's own metrics: what it applied, what it alerted, what it could not read, and how late
 * it noticed a deadline. Labels are bounded sets (rule, kind, event type, reason): never a label
 * per lead, account or rep.
 */
public final class EngineMetrics implements EngineListener {

  private final MeterRegistry registry;
  private final Counter duplicates;
  private final Timer detectionDelay;
  private final DistributionSummary deadlinesPerTick;

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates =
        Counter.builder("sla_events_duplicates")
            .description("Lead events dropped because their eventId was already seen")
            .register(registry);
    this.detectionDelay =
        Timer.builder("sla_detection_delay")
            .description(
                "How long after a clock stage was due the engine noticed it (alert time minus due"
                    + " time)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    this.deadlinesPerTick =
        DistributionSummary.builder("sla_deadlines_fired_per_tick")
            .description("Deadlines handled by one scan of the deadline index")
            .register(registry);
  }

  @Override
  public void eventApplied(SpecificRecord event) {
    Counter.builder("sla_events_applied")
        .description("Lead events applied to lead state, by type")
        .tag("type", event.getSchema().getName())
        .register(registry)
        .increment();
  }

  @Override
  public void duplicateDropped() {
    duplicates.increment();
  }

  @Override
  public void alertEmitted(SlaAlert alert) {
    Counter.builder("sla_alerts")
        .description("Alerts emitted, by rule and kind")
        .tag("rule", alert.getRuleId())
        .tag("kind", alert.getKind())
        .register(registry)
        .increment();
  }

  @Override
  public void deadlinesFired(List<Deadline> fired, Instant now) {
    deadlinesPerTick.record(fired.size());
    for (Deadline deadline : fired) {
      detectionDelay.record(Duration.between(deadline.at(), now));
    }
  }

  @Override
  public void deadLettered(String sourceTopic, String reasonCode) {
    Counter.builder("sla_dead_letters")
        .description("Records sent to the dead-letter topic, by source topic and reason")
        .tag("topic", sourceTopic)
        .tag("reason", reasonCode)
        .register(registry)
        .increment();
  }
}
