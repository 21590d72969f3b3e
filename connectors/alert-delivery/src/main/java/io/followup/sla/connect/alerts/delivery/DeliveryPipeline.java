package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.channel.Sender;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;
import io.followup.sla.connect.alerts.routing.Router;
import io.followup.sla.events.SlaAlert;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The stages in order: inhibition, silences, routing, dedup, quiet hours and digest (held), then at
 * flush the rate limit, the sender with retries, the sent log, and the dead letter queue for what
 * keeps failing. Single-threaded, like the sink task that drives it.
 */
public final class DeliveryPipeline {

  private final Router router;
  private final Inhibition inhibition;
  private final Silences silences;
  private final SentLog sentLog;
  private final QuietHours quietHours;
  private final DigestWindow digest;
  private final RepeatReminders reminders;
  private final Map<Channel, Sender> senders;
  private final Retry retry;
  private final RateLimit rateLimit;
  private final FailureReport failures;
  private final Clock clock;

  public DeliveryPipeline(
      Router router,
      Inhibition inhibition,
      Silences silences,
      SentLog sentLog,
      QuietHours quietHours,
      DigestWindow digest,
      RepeatReminders reminders,
      Map<Channel, Sender> senders,
      Retry retry,
      RateLimit rateLimit,
      FailureReport failures,
      Clock clock) {
    this.router = router;
    this.inhibition = inhibition;
    this.silences = silences;
    this.sentLog = sentLog;
    this.quietHours = quietHours;
    this.digest = digest;
    this.reminders = reminders;
    this.senders = Map.copyOf(senders);
    this.retry = retry;
    this.rateLimit = rateLimit;
    this.failures = failures;
    this.clock = clock;
  }

  /** Takes one alert in: dropped if muted, else its deliveries are held until due. */
  public void accept(SlaAlert alert, SinkRecord source) {
    Instant now = clock.instant();
    inhibition.observe(
        alert, source == null ? null : new TopicPartition(source.topic(), source.kafkaPartition()));
    // Written before anything is held or muted: a breach opens and closes whoever is told of it.
    sentLog.note(alert, source, now);
    if ("RESOLVED".equals(alert.getKind())) {
      reminders.resolved(alert.getAlertId());
    }
    if (inhibition.mutes(alert) || silences.mutes(alert, now)) {
      return;
    }
    for (Delivery d : router.route(alert, source, now)) {
      hold(d, now);
    }
  }

  private void hold(Delivery d, Instant now) {
    if (sentLog.sent(d.key()) || !senders.containsKey(d.channel())) {
      return;
    }
    digest.hold(d, now, quietHours.openAt(d.recipient(), now));
  }

  /** Sends every message that is due now. */
  public void flushDue() {
    Instant now = clock.instant();
    for (Delivery reminder : reminders.due(now)) {
      hold(reminder, now);
    }
    for (Message message : digest.due(now)) {
      send(message);
    }
    // The notes of this batch are durable before Connect may commit its offsets.
    sentLog.flush();
  }

  private void send(Message message) {
    // Another task may have sent some of these before a rebalance handed their records here.
    List<Delivery> unsent =
        message.deliveries().stream().filter(d -> !sentLog.sent(d.key())).toList();
    if (unsent.isEmpty()) {
      return;
    }
    Message toSend = unsent.size() == message.deliveries().size() ? message : Message.of(unsent);
    try {
      rateLimit.acquire(toSend.channel(), toSend.target());
      retry.send(senders.get(toSend.channel()), toSend);
    } catch (SendException e) {
      for (Delivery d : unsent) {
        failures.failed(d, toSend.channel().configName() + ": " + e.getMessage());
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (Delivery d : unsent) {
        failures.failed(d, toSend.channel().configName() + ": interrupted before sending");
      }
      return;
    }
    Instant sentAt = clock.instant();
    sentLog.record(unsent, sentAt);
    unsent.forEach(d -> reminders.sent(d, sentAt));
  }

  public Map<TopicPartition, Long> heldOffsets() {
    return digest.heldOffsets();
  }

  /**
   * Rebuilds, from the sent log, the reminders and the inhibition of the alerts that came from
   * {@code partitions}, newly handed to this task (on start, or by a rebalance); call after the log
   * has caught up.
   */
  public void restore(Collection<TopicPartition> partitions) {
    inhibition.restore(sentLog.notes(), partitions);
    List<SentEntry> entries = sentLog.entries();
    Set<String> resolved = new HashSet<>();
    sentLog.notes().stream()
        .filter(n -> n.kind().equals("RESOLVED"))
        .forEach(n -> resolved.add(n.alertId()));
    entries.stream()
        .filter(e -> e.key().kind().equals("RESOLVED"))
        .forEach(e -> resolved.add(e.key().alertId()));
    reminders.restore(
        entries,
        partitions,
        resolved::contains,
        e -> router.again(e.alert(), e.key().kind(), e.key(), null));
  }

  /** Forgets what came from partitions this task no longer owns; their new owner takes it on. */
  public void drop(Collection<TopicPartition> partitions) {
    digest.drop(partitions);
    reminders.drop(partitions);
    inhibition.drop(partitions);
  }

  /** How many (alert, channel, recipient) breaches are scheduled for reminders. */
  public int reminders() {
    return reminders.size();
  }

  public int held() {
    return digest.size();
  }
}
