package io.followup.sla.connect.alerts.render;

import io.followup.sla.connect.alerts.routing.ReviewDelivery;

/** A weekly review as an email: the same sections as text and as HTML. */
public final class ReviewEmail {

  private ReviewEmail() {}

  public static EmailContent of(ReviewDelivery d) {
    String headline = ReviewWords.headline(d);
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
    text.append("Hello ").append(d.recipient().name()).append(",\n\n");
    text.append(headline).append('\n').append(ReviewWords.period(d.review())).append("\n\n");
    html.append("<p>Hello ").append(EmailContent.escape(d.recipient().name())).append(",</p>");
    html.append("<h2>").append(EmailContent.escape(headline)).append("</h2>");
    html.append("<p>").append(EmailContent.escape(ReviewWords.period(d.review()))).append("</p>");
    for (ReviewWords.Section s : ReviewWords.sections(d)) {
      text.append(s.title()).append('\n');
      html.append("<h3>").append(EmailContent.escape(s.title())).append("</h3><ul>");
      if (s.lines().isEmpty()) {
        text.append("  none\n");
        html.append("<li>none</li>");
      }
      for (String line : s.lines()) {
        text.append("  ").append(line).append('\n');
        html.append("<li>").append(EmailContent.escape(line)).append("</li>");
      }
      text.append('\n');
      html.append("</ul>");
    }
    text.append("Review: ").append(d.review().getReviewId()).append('\n');
    text.append("Sent by the follow-up SLA engine.\n");
    html.append("<p style=\"color:#666\">Sent by the follow-up SLA engine.</p></body></html>");
    return new EmailContent("[SLA] " + headline, text.toString(), html.toString());
  }
}
