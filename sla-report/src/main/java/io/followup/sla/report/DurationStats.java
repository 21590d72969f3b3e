package io.followup.sla.report;

import io.followup.sla.report.ReportModel.Bucket;
import io.followup.sla.report.ReportModel.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Medians, percentiles and log-ish histogram buckets of durations held as sorted millis. */
final class DurationStats {

  /**
   * Bucket edges from seconds to a month, roughly doubling: the same ladder serves a year of real
   * history (minutes to days) and the demo's compressed time (seconds), trimmed to the data.
   */
  private static final List<Duration> LADDER =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(3),
          Duration.ofDays(5),
          Duration.ofDays(7),
          Duration.ofDays(14),
          Duration.ofDays(30));

  /** Fewer buckets than this make a histogram read like a single fact, so widen the range. */
  private static final int MIN_BUCKETS = 4;

  private DurationStats() {}

  /**
   * The p-th percentile (0..1) by linear interpolation between closest ranks, so the median of an
   * even count is the mean of the middle two.
   */
  static Duration percentile(long[] sortedMillis, double p) {
    if (sortedMillis.length == 0) {
      return null;
    }
    double rank = p * (sortedMillis.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    double value = sortedMillis[lo] + (sortedMillis[hi] - sortedMillis[lo]) * (rank - lo);
    return Duration.ofMillis(Math.round(value));
  }

  static Distribution distribution(long[] sortedMillis, List<Bucket> buckets) {
    List<Long> counts = new ArrayList<>(buckets.size());
    for (Bucket b : buckets) {
      long from = b.from().toMillis();
      long to = b.to() == null ? Long.MAX_VALUE : b.to().toMillis();
      counts.add((long) (lowerBound(sortedMillis, to) - lowerBound(sortedMillis, from)));
    }
    return new Distribution(
        sortedMillis.length,
        percentile(sortedMillis, 0.5),
        percentile(sortedMillis, 0.9),
        List.copyOf(counts));
  }

  /**
   * Buckets of the ladder covering every sample, the first starting at zero and the last open
   * ended; empty when there are no samples.
   */
  static List<Bucket> buckets(long[] sortedMillis) {
    if (sortedMillis.length == 0) {
      return List.of();
    }
    // Edge index i closes bucket i; bucket LADDER.size() is the open-ended one.
    int first = bucketOf(sortedMillis[0]);
    int last = bucketOf(sortedMillis[sortedMillis.length - 1]);
    while (last - first + 1 < MIN_BUCKETS && (first > 0 || last < LADDER.size())) {
      if (last < LADDER.size()) {
        last++;
      }
      if (last - first + 1 < MIN_BUCKETS && first > 0) {
        first--;
      }
    }
    List<Bucket> buckets = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      Duration from = i == first ? Duration.ZERO : LADDER.get(i - 1);
      Duration to = i == last ? null : LADDER.get(i);
      buckets.add(new Bucket(from, to));
    }
    return List.copyOf(buckets);
  }

  private static int bucketOf(long millis) {
    for (int i = 0; i < LADDER.size(); i++) {
      if (millis < LADDER.get(i).toMillis()) {
        return i;
      }
    }
    return LADDER.size();
  }

  /** Index of the first element not less than {@code key}. */
  private static int lowerBound(long[] sorted, long key) {
    int i = Arrays.binarySearch(sorted, key);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == key) {
      i--;
    }
    return i;
  }
}
