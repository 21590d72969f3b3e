package io.followup.sla.replay;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.rules.LeadEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads a replay file as a stream and hands on its records in arrival order (a lead event's
 * recordedAt, else its occurredAt; a policy's publishedAt; a rep profile's updatedAt), reordered
 * within a window by {@link ArrivalOrder}: memory holds a window of records, whatever the file's
 * length. Lead events, rep profiles and policies are handed on; other types (alerts of an earlier
 * run) are skipped.
 */
public final class ReplayInput {

  /** A record and the line it was read from, for messages about it. */
  public record Line(long number, SpecificRecord record) {}

  private ReplayInput() {}

  /**
   * Reads every line of {@code in} and hands its records to {@code sink} in arrival order.
   *
   * <p>Lines are read and parsed on a thread of their own, a batch at a time, while the caller's
   * thread puts them in order and runs {@code sink}: parsing a line costs about as much as the
   * rules applying it, and the two overlap on a second core. What the caller sees is as if it read
   * the lines itself: the records in the same order, and a bad line or a read error thrown when its
   * turn comes, after every record before it.
   *
   * @throws BadLineException for a line that is not a record, or arrived too far out of order
   */
  public static void read(BufferedReader in, Duration window, Consumer<Line> sink)
      throws IOException, BadLineException {
    ArrivalOrder<Line> order = new ArrivalOrder<>(window, sink);
    try (ParsedLines parsed = ParsedLines.start(in)) {
      Object item;
      while ((item = parsed.next()) != null) {
        if (item instanceof Line line) {
          arrange(order, line);
        } else if (item instanceof BadLineException bad) {
          throw bad;
        } else if (item instanceof IOException failed) {
          throw failed;
        } else {
          throw (RuntimeException) item;
        }
      }
    }
    order.finish();
  }

  /** What one line of the file is: a record, or why it is not one (null for a blank line). */
  private static Object parse(String text, long number) {
    if (text.isBlank()) {
      return null;
    }
    SpecificRecord record;
    try {
      record = JsonLines.read(text);
    } catch (JsonLines.InvalidLineException e) {
      return new BadLineException(number, e.getMessage(), null);
    }
    String blank = blankId(record);
    if (blank != null) {
      return new BadLineException(number, blank, null);
    }
    return new Line(number, record);
  }

  private static void arrange(ArrivalOrder<Line> order, Line line) throws BadLineException {
    SpecificRecord record = line.record();
    try {
      if (record instanceof RepProfile rep) {
        // A profile that says since when it holds (often since before the history starts) takes
        // effect then, or where the replay has got to; one that does not, where it stands.
        if (rep.getUpdatedAt() == null) {
          order.addInPlace(line);
        } else {
          order.addFrom(line, rep.getUpdatedAt());
        }
      } else if (record instanceof SlaPolicy published) {
        // A version published ahead of time does not count as progress: it would use up the
        // window of the events before it.
        order.add(line, published.getPublishedAt(), null);
      } else if (LeadEvents.isLeadEvent(record)) {
        order.add(line, LeadEvents.arrivedAt(record), LeadEvents.occurredAt(record));
      }
    } catch (ArrivalOrder.TooLateException e) {
      throw new BadLineException(
          line.number(), record.getSchema().getName() + " " + e.getMessage(), e);
    }
  }

  /**
   * The lines of a file read and parsed ahead on a thread of its own, handed over in batches: a
   * {@link Line}, a {@link BadLineException} or the exception that ended the reading, in the file's
   * order. The thread stops at the first line that is not a record, at the end of the file, or when
   * closed; closing waits for it, so the reader is no longer read once this is closed.
   */
  private static final class ParsedLines implements AutoCloseable {
    private static final int BATCH = 256;

    /** Batches read ahead: enough to keep both threads busy, few enough to bound memory. */
    private static final int AHEAD = 16;

    private static final Object[] END = new Object[0];

    private final BlockingQueue<Object[]> batches = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Object[] batch = new Object[0];
    private int next;

    private ParsedLines(BufferedReader in) {
      reader = new Thread(() -> readAll(in), "replay-reader");
      reader.setDaemon(true);
    }

    static ParsedLines start(BufferedReader in) {
      ParsedLines lines = new ParsedLines(in);
      lines.reader.start();
      return lines;
    }

    private void readAll(BufferedReader in) {
      Object[] items = new Object[BATCH];
      int size = 0;
      long number = 0;
      try {
        String text;
        while ((text = in.readLine()) != null) {
          number++;
          Object item = parse(text, number);
          if (item == null) {
            continue;
          }
          items[size++] = item;
          if (item instanceof BadLineException) {
            break;
          }
          if (size == BATCH) {
            if (!hand(items)) {
              return;
            }
            items = new Object[BATCH];
            size = 0;
          }
        }
      } catch (IOException | RuntimeException e) {
        items[size++] = e;
      }
      if (size > 0 && !hand(Arrays.copyOf(items, size))) {
        return;
      }
      hand(END);
    }

    /** Hands a batch over; false when closed before it could be. */
    private boolean hand(Object[] items) {
      try {
        while (!batches.offer(items, 50, TimeUnit.MILLISECONDS)) {
          if (closed) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** The next item in the file's order, or null at the end. */
    Object next() throws IOException {
      if (next == batch.length) {
        if (batch == END) {
          return null;
        }
        try {
          batch = batches.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the replay file");
        }
        next = 0;
        if (batch == END) {
          return null;
        }
      }
      return batch[next++];
    }

    @Override
    public void close() {
      closed = true;
      try {
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Which id of the record is empty, or null when none is: the live engine dead-letters a lead
   * event without a leadId or eventId, and a replay that went on without them would differ from it
   * (an empty leadId would make one lead of every such line).
   */
  private static String blankId(SpecificRecord record) {
    String type = record.getSchema().getName();
    if (record instanceof RepProfile rep) {
      return rep.getRepId().isBlank() ? type + ".repId is empty" : null;
    }
    if (record instanceof SlaPolicy published) {
      return published.getPolicyId().isBlank() ? type + ".policyId is empty" : null;
    }
    if (LeadEvents.isLeadEvent(record)) {
      if (LeadEvents.leadId(record).isBlank()) {
        return type + ".leadId is empty";
      }
      if (LeadEvents.eventId(record).isBlank()) {
        return type + ".eventId is empty";
      }
    }
    return null;
  }

  /** A line replay cannot use; the message says why, without the line's data. */
  public static final class BadLineException extends Exception {
    private final long line;

    BadLineException(long line, String message, ArrivalOrder.TooLateException tooLate) {
      super(message, tooLate);
      this.line = line;
    }

    public long line() {
      return line;
    }

    /** True when the line is readable but arrived before records already replayed. */
    public boolean outOfOrder() {
      return getCause() instanceof ArrivalOrder.TooLateException;
    }
  }
}
