package io.followup.sla.report;

import io.followup.sla.alerts.AlertText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and the words and numbers of the report, shared by the page and its charts. */
final class Html {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Html() {}

  /**
   * Text for HTML element content and double- or single-quoted attribute values, in HTML and in
   * inline SVG alike. Every string that comes from data (names, ids, sources) goes through here.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and newline are not allowed in HTML or SVG text.
          if (c < 0x20 && c != '\t' && c != '\n') {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** At most {@code max} characters, with an ellipsis when cut: chart labels have fixed room. */
  static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1).stripTrailing() + "\u2026";
  }

  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  static String percent(Double ratio) {
    if (ratio == null) {
      return "\u2014";
    }
    double pct = ratio * 100;
    // 99.96% shown as 100% would hide a miss; one decimal keeps it visible.
    return pct == 100 || pct == 0
        ? String.format(Locale.ROOT, "%.0f%%", pct)
        : String.format(Locale.ROOT, "%.1f%%", pct);
  }

  static String duration(Duration d) {
    return d == null ? "\u2014" : AlertText.duration(d);
  }

  /** A compact bucket edge: 5s, 30m, 4h, 2d. */
  static String edge(Duration d) {
    long s = d.toSeconds();
    if (s % 86_400 == 0 && s > 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0 && s > 0) {
      return s / 3_600 + "h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** Minutes for a long period; seconds too when the whole period is short (e.g. the demo). */
  static String time(Instant t, boolean seconds) {
    return t == null ? "\u2014" : (seconds ? SECONDS : MINUTES).format(t);
  }

  /** "RFP request" for RFP_REQUEST, as alerts word it, with a capital first letter. */
  static String source(String source) {
    if (ReplayReport.ACCOUNT_LEVEL.equals(source)) {
      return "All sources (account level)";
    }
    if (source == null || source.equals(ReplayReport.UNKNOWN)) {
      return "Unknown source";
    }
    String words = AlertText.source(source);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A CSS class by how well an SLA was kept: at least 90% good, 75% fair, else poor. */
  static String grade(Double ratio) {
    if (ratio == null) {
      return "none";
    }
    return ratio >= 0.9 ? "good" : ratio >= 0.75 ? "fair" : "poor";
  }
}
