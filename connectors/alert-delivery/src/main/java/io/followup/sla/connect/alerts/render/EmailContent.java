package io.followup.sla.connect.alerts.render;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;

/** An email's subject, plain-text part and HTML part, for one alert or a digest of several. */
public record EmailContent(String subject, String text, String html) {

  public static EmailContent of(Message message) {
    return of(message, LeadLink.NONE);
  }

  /** With a link to each alert's lead on the manager page, when one is configured. */
  public static EmailContent of(Message message, LeadLink links) {
    String subject =
        message.isDigest()
            ? "[SLA] "
                + message.deliveries().size()
                + " follow-up alerts for "
                + message.recipient().name()
            : "[SLA] " + AlertWords.headline(message.deliveries().get(0));
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
    text.append("Hello ").append(message.recipient().name()).append(",\n\n");
    html.append("<p>Hello ").append(escape(message.recipient().name())).append(",</p>");
    for (Delivery d : message.deliveries()) {
      text.append(AlertWords.headline(d)).append('\n');
      html.append("<h3>").append(escape(AlertWords.headline(d))).append("</h3><table>");
      for (String[] fact : AlertWords.facts(d)) {
        text.append("  ").append(fact[0]).append(": ").append(fact[1]).append('\n');
        html.append("<tr><th align=\"left\">")
            .append(escape(fact[0]))
            .append("</th><td>")
            .append(escape(fact[1]))
            .append("</td></tr>");
      }
      links
          .to(d.alert())
          .ifPresent(
              url -> {
                text.append("  ").append(LeadLink.label(d.alert())).append(": ").append(url);
                text.append('\n');
                html.append("<tr><td colspan=\"2\"><a href=\"")
                    .append(escape(url))
                    .append("\">")
                    .append(escape(LeadLink.label(d.alert())))
                    .append("</a></td></tr>");
              });
      text.append('\n');
      html.append("</table>");
    }
    text.append("Sent by the follow-up SLA engine.\n");
    html.append("<p style=\"color:#666\">Sent by the follow-up SLA engine.</p></body></html>");
    return new EmailContent(subject, text.toString(), html.toString());
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
