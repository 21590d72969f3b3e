package io.followup.sla.connect.alerts.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Message;

/**
 * A Microsoft Teams webhook body: a message with one Adaptive Card, a heading and a fact set per
 * alert, mentioning the person who should act by their email address (their Teams sign-in name).
 */
public final class TeamsCard {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TeamsCard() {}

  public static ObjectNode of(Message message) {
    return of(message, LeadLink.NONE);
  }

  /** With a link to each alert's lead on the manager page, when one is configured. */
  public static ObjectNode of(Message message, LeadLink links) {
    ObjectNode body = JSON.objectNode().put("type", "message");
    ObjectNode attachment = body.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4");
    ArrayNode items = card.putArray("body");
    ArrayNode mentions = JSON.arrayNode();
    if (message.isDigest()) {
      items
          .addObject()
          .put("type", "TextBlock")
          .put("size", "Large")
          .put("weight", "Bolder")
          .put("text", message.deliveries().size() + " follow-up alerts");
    }
    for (Delivery d : message.deliveries()) {
      items
          .addObject()
          .put("type", "TextBlock")
          .put("size", "Medium")
          .put("weight", "Bolder")
          .put("wrap", true)
          .put("text", AlertWords.headline(d));
      String email = d.recipient().email();
      if (email != null && !email.isBlank()) {
        String tag = "<at>" + d.recipient().name() + "</at>";
        items.addObject().put("type", "TextBlock").put("wrap", true).put("text", "For " + tag);
        ObjectNode mention = mentions.addObject().put("type", "mention").put("text", tag);
        mention.putObject("mentioned").put("id", email).put("name", d.recipient().name());
      }
      ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
      for (String[] fact : AlertWords.facts(d)) {
        facts.addObject().put("title", fact[0]).put("value", fact[1]);
      }
      links
          .to(d.alert())
          .ifPresent(
              url ->
                  items
                      .addObject()
                      .put("type", "ActionSet")
                      .putArray("actions")
                      .addObject()
                      .put("type", "Action.OpenUrl")
                      .put("title", LeadLink.label(d.alert()))
                      .put("url", url));
    }
    if (!mentions.isEmpty()) {
      card.putObject("msteams").set("entities", mentions);
    }
    return body;
  }
}
