package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.connect.alerts.routing.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The digest stage, Alertmanager's group wait: the first delivery to an address opens a window, and
 * everything for that address until the window closes goes out as one message. A delivery also
 * waits for its recipient's quiet hours to end, so a night's alerts leave together in the morning.
 * The on-call webhook never waits.
 *
 * <p>Held deliveries are not yet sent, so their records' offsets must not be committed: {@link
 * #heldOffsets()} gives, per partition, the lowest offset still held.
 */
public final class DigestWindow {

  private record Held(Delivery delivery, Instant releaseAt) {}

  private static final class Group {
    Instant windowEnd;
    final List<Held> held = new ArrayList<>();
  }

  private final Duration window;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Set<DeliveryKey> heldKeys = new HashSet<>();

  public DigestWindow(Duration window) {
    this.window = window;
  }

  /** Holds {@code d} until its group's window closes and {@code openAt}, whichever is later. */
  public void hold(Delivery d, Instant now, Instant openAt) {
    if (!heldKeys.add(d.key())) {
      return;
    }
    Group group = groups.computeIfAbsent(d.groupKey(), k -> new Group());
    if (group.held.isEmpty()) {
      group.windowEnd = d.channel().digests() ? now.plus(window) : now;
    }
    Instant release = group.windowEnd.isAfter(openAt) ? group.windowEnd : openAt;
    group.held.add(new Held(d, release));
  }

  public boolean contains(DeliveryKey key) {
    return heldKeys.contains(key);
  }

  /** Takes out the messages due at {@code now}: per address, everything whose time has come. */
  public List<Message> due(Instant now) {
    List<Message> out = new ArrayList<>();
    for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
      Group group = it.next();
      List<Delivery> ready = new ArrayList<>();
      for (Iterator<Held> h = group.held.iterator(); h.hasNext(); ) {
        Held held = h.next();
        if (!held.releaseAt().isAfter(now)) {
          ready.add(held.delivery());
          heldKeys.remove(held.delivery().key());
          h.remove();
        }
      }
      if (!ready.isEmpty()) {
        if (ready.get(0).channel().digests()) {
          out.add(Message.of(ready));
        } else {
          ready.forEach(d -> out.add(Message.of(List.of(d))));
        }
      }
      if (group.held.isEmpty()) {
        it.remove();
      }
    }
    return out;
  }

  /** Per partition, the lowest offset of a record with a delivery still held. */
  public Map<TopicPartition, Long> heldOffsets() {
    Map<TopicPartition, Long> lowest = new HashMap<>();
    for (Group g : groups.values()) {
      for (Held h : g.held) {
        var source = h.delivery().source();
        if (source != null) {
          lowest.merge(
              new TopicPartition(source.topic(), source.kafkaPartition()),
              source.kafkaOffset(),
              Math::min);
        }
      }
    }
    return lowest;
  }

  /** Forgets what came from partitions this task no longer owns; their new owner will redo them. */
  public void drop(Collection<TopicPartition> partitions) {
    for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
      Group g = it.next();
      for (Iterator<Held> h = g.held.iterator(); h.hasNext(); ) {
        Delivery d = h.next().delivery();
        if (d.source() != null
            && partitions.contains(
                new TopicPartition(d.source().topic(), d.source().kafkaPartition()))) {
          heldKeys.remove(d.key());
          h.remove();
        }
      }
      if (g.held.isEmpty()) {
        it.remove();
      }
    }
  }

  public int size() {
    return groups.values().stream().mapToInt(g -> g.held.size()).sum();
  }
}
