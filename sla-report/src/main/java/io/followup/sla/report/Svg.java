package io.followup.sla.report;

import static io.followup.sla.report.Html.escape;

import io.followup.sla.report.ReportModel.Bucket;
import io.followup.sla.report.ReportModel.Distribution;
import io.followup.sla.report.ReportModel.Row;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG, drawn here so the page needs no script and no network. Colours
 * come from the page's CSS classes; every label from data is escaped.
 */
final class Svg {

  private Svg() {}

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Horizontal bars of compliance, one row per source or rep, with met/decided beside each. */
  static String complianceBars(String title, List<Row> rows) {
    int labelWidth = 140;
    int barX = labelWidth + 10;
    int barWidth = 180;
    int rowHeight = 28;
    int top = 6;
    int axis = 22;
    int width = barX + barWidth + 100;
    int height = top + rows.size() * rowHeight + axis;
    StringBuilder svg = open(width, height, title);
    for (int tick : new int[] {0, 25, 50, 75, 100}) {
      double x = barX + barWidth * tick / 100.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\"/>"
                  + "<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%d%%</text>",
              num(x),
              top,
              num(x),
              height - axis + 2,
              num(x),
              height - 6,
              tick));
    }
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Double ratio = row.tally().compliance();
      int y = top + i * rowHeight;
      long decided = row.tally().met() + row.tally().missed();
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                  labelWidth,
                  y + 18,
                  escape(Html.shorten(row.label(), 20))))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" rx=\"3\"/>",
                  barX,
                  y + 6,
                  barWidth));
      if (ratio != null) {
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%s\" height=\"16\" rx=\"3\"/>",
                Html.grade(ratio),
                barX,
                y + 6,
                num(barWidth * ratio)));
      }
      String value =
          ratio == null
              ? "no deadline yet"
              : Html.percent(ratio) + "  " + row.tally().met() + "/" + decided;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"value\" x=\"%d\" y=\"%d\">%s</text>",
              barX + barWidth + 8,
              y + 18,
              escape(value)));
    }
    return svg.append("</svg>").toString();
  }

  /**
   * A histogram of durations over the model's buckets, with dashed lines where the median and the
   * 90th percentile fall (placed proportionally inside their bucket).
   */
  static String histogram(String title, List<Bucket> buckets, Distribution d) {
    int left = 48;
    int right = 16;
    int top = 26;
    int bottom = 40;
    int plotWidth = 680;
    int plotHeight = 200;
    int width = left + plotWidth + right;
    int height = top + plotHeight + bottom;
    long max = d.bucketCounts().stream().mapToLong(Long::longValue).max().orElse(0);
    long scale = niceCeiling(max);
    double slot = (double) plotWidth / Math.max(1, buckets.size());
    StringBuilder svg = open(width, height, title);
    for (int t = 0; t <= 4; t++) {
      long value = scale * t / 4;
      double y = top + plotHeight - plotHeight * t / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>",
              left,
              num(y),
              left + plotWidth,
              num(y),
              left - 6,
              num(y + 4),
              Html.count(value)));
    }
    // Bars, then the median and p90 lines over them, then the counts over the lines.
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < buckets.size(); i++) {
      long n = d.bucketCounts().get(i);
      double h = scale == 0 ? 0 : (double) plotHeight * n / scale;
      double x = left + i * slot + slot * 0.12;
      double w = slot * 0.76;
      double y = top + plotHeight - h;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar hist\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"2\"/>",
              num(x),
              num(y),
              num(w),
              num(h)));
      if (n > 0) {
        counts.append(
            String.format(
                Locale.ROOT,
                "<text class=\"count\" x=\"%s\" y=\"%s\" text-anchor=\"middle\">%s</text>",
                num(x + w / 2),
                num(y - 4),
                Html.count(n)));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              num(left + i * slot + slot / 2),
              top + plotHeight + 16,
              escape(bucketLabel(buckets.get(i)))));
    }
    marker(svg, "median", d.median(), buckets, left, slot, top, plotHeight);
    marker(svg, "p90", d.p90(), buckets, left, slot, top, plotHeight);
    svg.append(counts);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "time from hand-off to first touch</text>",
            left + plotWidth / 2,
            height - 4));
    return svg.append("</svg>").toString();
  }

  private static void marker(
      StringBuilder svg,
      String name,
      Duration value,
      List<Bucket> buckets,
      int left,
      double slot,
      int top,
      int plotHeight) {
    if (value == null || buckets.isEmpty()) {
      return;
    }
    double x = left + position(value, buckets) * slot;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"marker %s\" x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\"/>"
                + "<text class=\"marker-label\" x=\"%s\" y=\"%d\" text-anchor=\"middle\">"
                + "%s %s</text>",
            name,
            num(x),
            top - 4,
            num(x),
            top + plotHeight,
            num(x),
            top - 10,
            name,
            escape(Html.duration(value))));
  }

  /** Where a duration falls, in bucket widths from the left edge. */
  private static double position(Duration value, List<Bucket> buckets) {
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      if (b.to() == null || value.compareTo(b.to()) < 0) {
        if (b.to() == null) {
          return i + 0.5;
        }
        double span = b.to().toMillis() - b.from().toMillis();
        return i + (value.toMillis() - b.from().toMillis()) / span;
      }
    }
    return buckets.size() - 0.5;
  }

  /** A word-sized histogram for a table cell, on the same buckets as the big one. */
  static String sparkline(String title, List<Long> counts) {
    int width = 150;
    int height = 28;
    long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    double slot = (double) width / Math.max(1, counts.size());
    StringBuilder svg = open(width, height, title);
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"grid\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            height - 1,
            width,
            height - 1));
    for (int i = 0; i < counts.size(); i++) {
      double h = max == 0 ? 0 : (height - 2) * (double) counts.get(i) / max;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar hist\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>",
              num(i * slot + 1),
              num(height - 1 - h),
              num(slot - 2),
              num(h)));
    }
    return svg.append("</svg>").toString();
  }

  /** A thin meter for a share in 0..1, coloured by grade. */
  static String meter(String title, double share) {
    int width = 140;
    return open(width, 12, title)
        .append(
            String.format(
                Locale.ROOT,
                "<rect class=\"track\" x=\"0\" y=\"1\" width=\"%d\" height=\"10\" rx=\"3\"/><rect"
                    + " class=\"bar %s\" x=\"0\" y=\"1\" width=\"%s\" height=\"10\" rx=\"3\"/>",
                width,
                Html.grade(share),
                num(width * Math.max(0, Math.min(1, share)))))
        .append("</svg>")
        .toString();
  }

  static String bucketLabel(Bucket b) {
    if (b.from().isZero()) {
      return "< " + Html.edge(b.to());
    }
    if (b.to() == null) {
      return "\u2265 " + Html.edge(b.from());
    }
    return Html.edge(b.from()) + "\u2013" + Html.edge(b.to());
  }

  private static StringBuilder open(int width, int height, String title) {
    return new StringBuilder(1024)
        .append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                    + " aria-label=\"%s\"><title>%s</title>",
                width,
                height,
                width,
                height,
                escape(title),
                escape(title)));
  }

  /** 1, 2, 5 times a power of ten, at least {@code max}, for round axis ticks. */
  private static long niceCeiling(long max) {
    if (max <= 4) {
      return 4;
    }
    long step = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * step * 4 >= max) {
          return m * step * 4;
        }
      }
      step *= 10;
    }
  }
}
