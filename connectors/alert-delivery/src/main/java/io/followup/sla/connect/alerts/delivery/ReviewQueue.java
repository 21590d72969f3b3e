package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.channel.ReviewSender;
import io.followup.sla.connect.alerts.channel.SendException;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Weekly reviews held until their send time ({@code review.send-at} in each reader's zone, once the
 * week has ended), then sent once: the sent log keeps a review that went out from going again after
 * a restart or a replay. A send that fails and may work later is tried again a minute on, up to a
 * few times; then it is reported. Single-threaded, like the sink task that drives it.
 */
public final class ReviewQueue {

  static final int MAX_ATTEMPTS = 5;
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  private record Held(ReviewDelivery delivery, Instant due, int attempts) {}

  private final SentLog sentLog;
  private final SendAt sendAt;
  private final Map<Channel, ? extends ReviewSender> senders;
  private final BiConsumer<ReviewDelivery, String> failures;
  private final Clock clock;
  private final List<Held> held = new ArrayList<>();

  public ReviewQueue(
      SentLog sentLog,
      SendAt sendAt,
      Map<Channel, ? extends ReviewSender> senders,
      BiConsumer<ReviewDelivery, String> failures,
      Clock clock) {
    this.sentLog = sentLog;
    this.sendAt = sendAt;
    this.senders = Map.copyOf(senders);
    this.failures = failures;
    this.clock = clock;
  }

  /** Holds each delivery not yet sent until its reader's send time. */
  public void accept(List<ReviewDelivery> deliveries) {
    for (ReviewDelivery d : deliveries) {
      if (sentLog.sent(d.key()) || !senders.containsKey(d.channel())) {
        continue;
      }
      boolean already = held.stream().anyMatch(h -> h.delivery().key().equals(d.key()));
      if (!already) {
        Instant due = sendAt.firstAfter(d.review().getWeekEnd(), d.recipient().zone());
        held.add(new Held(d, due, 0));
      }
    }
  }

  /** Sends every review whose time has come. */
  public void flushDue() {
    Instant now = clock.instant();
    List<Held> retry = new ArrayList<>();
    for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
      Held h = it.next();
      if (h.due().isAfter(now)) {
        continue;
      }
      it.remove();
      ReviewDelivery d = h.delivery();
      if (sentLog.sent(d.key())) {
        continue;
      }
      try {
        senders.get(d.channel()).send(d);
        sentLog.recordKeys(List.of(d.key()), clock.instant());
      } catch (SendException e) {
        if (e.retryable() && h.attempts() + 1 < MAX_ATTEMPTS) {
          retry.add(new Held(d, now.plus(RETRY_AFTER), h.attempts() + 1));
        } else {
          failures.accept(d, d.channel().configName() + ": " + e.getMessage());
        }
      }
    }
    held.addAll(retry);
  }

  /** Per partition, the lowest offset of a record with a review still held. */
  public Map<TopicPartition, Long> heldOffsets() {
    Map<TopicPartition, Long> out = new HashMap<>();
    for (Held h : held) {
      SinkRecord r = h.delivery().source();
      if (r != null) {
        out.merge(new TopicPartition(r.topic(), r.kafkaPartition()), r.kafkaOffset(), Math::min);
      }
    }
    return out;
  }

  /**
   * Partitions taken away: their held reviews are the next owner's, redelivered from the offsets.
   */
  public void drop(Collection<TopicPartition> partitions) {
    held.removeIf(
        h ->
            h.delivery().source() != null
                && partitions.contains(
                    new TopicPartition(
                        h.delivery().source().topic(), h.delivery().source().kafkaPartition())));
  }

  public int size() {
    return held.size();
  }
}
