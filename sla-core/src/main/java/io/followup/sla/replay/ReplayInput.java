package io.followup.sla.replay;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.rules.LeadEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
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
   * @throws BadLineException for a line that is not a record, or arrived too far out of order
   */
  public static void read(BufferedReader in, Duration window, Consumer<Line> sink)
      throws IOException, BadLineException {
    ArrivalOrder<Line> order = new ArrivalOrder<>(window, sink);
    String text;
    long number = 0;
    while ((text = in.readLine()) != null) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      SpecificRecord record;
      try {
        record = JsonLines.read(text);
      } catch (JsonLines.InvalidLineException e) {
        throw new BadLineException(number, e.getMessage(), null);
      }
      String blank = blankId(record);
      if (blank != null) {
        throw new BadLineException(number, blank, null);
      }
      Line line = new Line(number, record);
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
        throw new BadLineException(number, record.getSchema().getName() + " " + e.getMessage(), e);
      }
    }
    order.finish();
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
