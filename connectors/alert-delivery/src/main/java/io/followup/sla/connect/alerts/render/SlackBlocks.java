package io.followup.sla.connect.alerts.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;

/**
 * A Slack incoming-webhook body in Block Kit: a header, one section per alert that mentions the
 * person who should act ({@code <@U...>} when their profile has a Slack member id), and {@code
 * text} as the notification fallback.
 */
public final class SlackBlocks {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SlackBlocks() {}

  public static ObjectNode of(Message message) {
    return of(message, LeadLink.NONE);
  }

  /** With a link to each alert's lead on the manager page, when one is configured. */
  public static ObjectNode of(Message message, LeadLink links) {
    ObjectNode body = JSON.objectNode();
    Delivery first = message.deliveries().get(0);
    String title =
        message.isDigest()
            ? message.deliveries().size() + " follow-up alerts"
            : AlertWords.headline(first);
    body.put("text", mention(first) + " " + title);
    ArrayNode blocks = body.putArray("blocks");
    blocks.addObject().put("type", "header").set("text", plain(truncate(title, 150)));
    for (Delivery d : message.deliveries()) {
      StringBuilder text = new StringBuilder();
      text.append('*').append(mrkdwn(AlertWords.headline(d))).append("*\n");
      text.append("For ").append(mention(d)).append('\n');
      for (String[] fact : AlertWords.facts(d)) {
        text.append('*').append(fact[0]).append(":* ").append(mrkdwn(fact[1])).append('\n');
      }
      // Slack's link syntax; ids are URL-encoded, so the URL holds no | or >.
      links
          .to(d.alert())
          .ifPresent(
              url ->
                  text.append('<')
                      .append(url)
                      .append('|')
                      .append(LeadLink.label(d.alert()))
                      .append(">\n"));
      ObjectNode section = blocks.addObject().put("type", "section");
      section.putObject("text").put("type", "mrkdwn").put("text", truncate(text.toString(), 3000));
    }
    return body;
  }

  private static String mention(Delivery d) {
    String member = d.recipient().slackMemberId();
    return member != null && !member.isBlank() ? "<@" + member + ">" : mrkdwn(d.recipient().name());
  }

  private static ObjectNode plain(String text) {
    return JSON.objectNode().put("type", "plain_text").put("text", text);
  }

  // Slack reads &, < and > as markup in mrkdwn; escaped, a summary cannot fake a mention.
  private static String mrkdwn(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
