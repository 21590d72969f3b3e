package io.followup.sla.delivery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each delivery as one line a person reads: who got what, where. Read back from what was received
 * (the email's recipient and text, the post's channel and body), not from what was meant to be
 * sent, so a line is printed only for what really arrived.
 */
final class DeliveryLines {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SLACK_MENTION = Pattern.compile("<@([A-Z0-9]+)>");
  private static final Pattern TEAMS_MENTION = Pattern.compile("<at>(.+?)</at>");

  private final Team team;

  DeliveryLines(Team team) {
    this.team = team;
  }

  /** "emailed Sam Patel (rep): Breached: First touch, lead L-1 (account Acme)". */
  String email(MimeMessage mail) throws MessagingException, IOException {
    String to =
        mail.getAllRecipients() == null || mail.getAllRecipients().length == 0
            ? "nobody"
            : ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
    List<String> headlines = emailHeadlines(plainText(mail));
    return "emailed " + team.whoReads(to) + digest(headlines) + ": " + summary(headlines);
  }

  /** "posted to #east-biopharma for Sam Patel, Priya Raman: Breached: First touch, lead L-1". */
  String post(Team.ChatChannel channel, String body) throws IOException {
    JsonNode json = JSON.readTree(body);
    Set<String> headlines = new LinkedHashSet<>();
    Set<String> people = new LinkedHashSet<>();
    int alerts = 0;
    if (channel.service().equals("slack")) {
      for (JsonNode block : json.path("blocks")) {
        if (!block.path("type").asText().equals("section")) {
          continue;
        }
        alerts++;
        String[] lines = block.path("text").path("text").asText().split("\n");
        headlines.add(lines[0].replace("*", ""));
        if (lines.length > 1 && lines[1].startsWith("For ")) {
          Matcher m = SLACK_MENTION.matcher(lines[1]);
          people.add(m.find() ? team.nameOfSlackMember(m.group(1)) : lines[1].substring(4));
        }
      }
    } else {
      for (JsonNode item : json.path("attachments").path(0).path("content").path("body")) {
        String text = item.path("text").asText();
        if (item.path("size").asText().equals("Medium")) {
          alerts++;
          headlines.add(text);
        } else if (text.startsWith("For ")) {
          Matcher m = TEAMS_MENTION.matcher(text);
          if (m.find()) {
            people.add(m.group(1));
          }
        }
      }
    }
    List<String> distinct = new ArrayList<>(headlines);
    return "posted to "
        + channel.displayName()
        + (people.isEmpty() ? "" : " for " + String.join(", ", people))
        + (alerts > 1 && distinct.size() > 1 ? " a digest of " + distinct.size() + " alerts" : "")
        + ": "
        + summary(distinct);
  }

  private static String digest(List<String> headlines) {
    return headlines.size() > 1 ? " a digest of " + headlines.size() + " alerts" : "";
  }

  private static String summary(List<String> headlines) {
    if (headlines.isEmpty()) {
      return "(no alert text)";
    }
    return headlines.get(0)
        + (headlines.size() > 1 ? " (and " + (headlines.size() - 1) + " more)" : "");
  }

  /** The headline lines of the plain-text part: not the greeting, facts (indented) or sign-off. */
  static List<String> emailHeadlines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isBlank()
          || line.startsWith(" ")
          || line.startsWith("Hello ")
          || line.startsWith("Sent by ")) {
        continue;
      }
      out.add(line.strip());
    }
    return out;
  }

  private static String plainText(MimeMessage mail) throws MessagingException, IOException {
    Object content = mail.getContent();
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return part.getContent().toString();
        }
      }
    }
    return mail.getSubject() == null ? "" : mail.getSubject();
  }
}
