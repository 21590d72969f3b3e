package io.followup.sla.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts records read in roughly arrival order into exact arrival order as they are read, holding
 * back only the records that a later one could still overtake.
 *
 * <p>Why a bounded reorder buffer, not a sort of the whole file (in memory, or an external merge
 * sort on disk): replay files come in time order already, or nearly. {@code ./sla generate-history}
 * writes arrival order; an export of the topics comes in arrival order per partition; a CRM export
 * comes in occurredAt order, with the odd touch recorded later. A buffer turns each of these into
 * arrival order in one pass, at reading speed, with memory for a window of records instead of the
 * whole history; a sort would cost the whole file in memory, or a second pass and as much disk, for
 * every replay, to serve files that are out of order by more than any such source produces. Those
 * fail with a clear error instead of replaying wrongly, and widening the window fixes them.
 *
 * <p>How far the input has got is the latest <em>progress</em> time seen (a lead event's
 * occurredAt, not its arrival), and a record is released once the input has got {@code window} past
 * its arrival. Measuring progress by occurredAt serves both orders a file comes in: in occurredAt
 * order a touch recorded three days late waits in the buffer for three days of input without
 * pushing the others out early; in arrival order occurredAt trails arrival, so records are only
 * held a little longer. A record that arrives before one already released cannot be put in order
 * any more: {@link #add} refuses it.
 *
 * @param <T> what is ordered, e.g. a record with its line number
 */
public final class ArrivalOrder<T> {

  private record Pending<T>(Instant arrival, long seq, T item) implements Comparable<Pending<T>> {
    @Override
    public int compareTo(Pending<T> other) {
      int byArrival = arrival.compareTo(other.arrival);
      return byArrival != 0 ? byArrival : Long.compare(seq, other.seq);
    }
  }

  private final Duration window;
  private final Consumer<? super T> release;

  /**
   * Most records come in order: they queue here at no cost, and only the others go through the
   * heap. Each holds its records in order; releasing takes the earlier of the two heads.
   */
  private final ArrayDeque<Pending<T>> inOrder = new ArrayDeque<>();

  private final PriorityQueue<Pending<T>> outOfOrder = new PriorityQueue<>();

  private long seq;
  private Instant reached;
  private Instant lastEvent = Instant.MIN;
  private Instant released = Instant.MIN;

  /**
   * @param window how far behind the input's progress a record may arrive and still be put in order
   * @param release told of each record, in arrival order (ties in the order they were added)
   */
  public ArrivalOrder(Duration window, Consumer<? super T> release) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("the reorder window must not be negative: " + window);
    }
    this.window = window;
    this.release = Objects.requireNonNull(release, "release");
  }

  /**
   * Adds a record that arrived at {@code arrival}; {@code progress} is how far in time the input
   * has got with it (for an event, when it happened), or null when the record says nothing of that.
   *
   * @throws TooLateException when a record arriving later than this one was already released
   */
  public void add(T item, Instant arrival, Instant progress) throws TooLateException {
    if (arrival.isBefore(released)) {
      throw new TooLateException(arrival, released);
    }
    enqueue(item, arrival);
    if (progress == null) {
      return;
    }
    lastEvent = arrival;
    if (reached == null || progress.isAfter(reached)) {
      reached = progress;
      releaseUpTo(reached.minus(window));
    }
  }

  /**
   * Adds a record that takes effect at {@code at}, or as soon as it can when records after that
   * time were already released: a setting that has held since some time past, whose lateness
   * changes nothing that was not already replayed.
   */
  public void addFrom(T item, Instant at) {
    enqueue(item, at.isBefore(released) ? released : at);
  }

  /**
   * Adds a record with no time of its own, to take effect where it stands: right after the event
   * before it (the last record added with a progress), or first of all when there is none.
   */
  public void addInPlace(T item) {
    enqueue(item, lastEvent.isBefore(released) ? released : lastEvent);
  }

  /** Releases every record still held: the input is over. */
  public void finish() {
    releaseUpTo(Instant.MAX);
  }

  /** How many records are held back. */
  public int pending() {
    return inOrder.size() + outOfOrder.size();
  }

  private void enqueue(T item, Instant arrival) {
    Pending<T> next = new Pending<>(arrival, seq++, item);
    if (inOrder.isEmpty() || !arrival.isBefore(inOrder.peekLast().arrival())) {
      inOrder.addLast(next);
    } else {
      outOfOrder.add(next);
    }
  }

  private void releaseUpTo(Instant horizon) {
    while (true) {
      Pending<T> first = inOrder.peekFirst();
      Pending<T> other = outOfOrder.peek();
      if (first == null || (other != null && other.compareTo(first) < 0)) {
        first = other;
      }
      if (first == null || first.arrival().isAfter(horizon)) {
        return;
      }
      if (first == other) {
        outOfOrder.poll();
      } else {
        inOrder.pollFirst();
      }
      released = first.arrival();
      release.accept(first.item());
    }
  }

  /** A record that arrived before records already released, beyond the window's reach. */
  public static final class TooLateException extends Exception {
    private final Instant arrival;
    private final Instant releasedUpTo;

    TooLateException(Instant arrival, Instant releasedUpTo) {
      super(
          "arrived at "
              + arrival
              + ", before records already replayed (up to "
              + releasedUpTo
              + ")");
      this.arrival = arrival;
      this.releasedUpTo = releasedUpTo;
    }

    public Instant arrival() {
      return arrival;
    }

    public Instant releasedUpTo() {
      return releasedUpTo;
    }
  }
}
