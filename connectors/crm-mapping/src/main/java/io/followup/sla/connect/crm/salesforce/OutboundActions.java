package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.config.Vocabulary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * What each outbound message means, by its ActionId ({@code 04k...}): an outbound message carries
 * the record's fields as they are when it is sent, not what changed, so the workflow rule or flow
 * that sends it is what says whether a lead was created, reassigned or changed status. Written as
 * {@code ActionId=meaning} pairs; ids in the 15- or 18-character form.
 */
final class OutboundActions {

  /** What an outbound message says happened to its records. */
  enum Meaning {
    LEAD_CREATED("lead-created"),
    LEAD_OWNER_CHANGED("lead-owner-changed"),
    LEAD_STATUS_CHANGED("lead-status-changed"),
    TOUCH("touch"),
    /** Known, and no SLA event. */
    IGNORE(Vocabulary.IGNORE);

    private final String word;

    Meaning(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }

  private static final Map<String, Meaning> WORDS =
      Arrays.stream(Meaning.values()).collect(Collectors.toMap(Meaning::word, m -> m));

  private final Map<String, Meaning> byAction;

  private OutboundActions(Map<String, Meaning> byAction) {
    this.byAction = byAction;
  }

  static OutboundActions parse(String name, String text) {
    Set<String> allowed =
        WORDS.keySet().stream()
            .filter(w -> !w.equals(Vocabulary.IGNORE))
            .collect(Collectors.toSet());
    // The syntax and the words are checked the way every table is.
    Vocabulary.parse(name, text, allowed);
    Map<String, Meaning> byAction = new HashMap<>();
    if (text != null) {
      for (String pair : text.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.lastIndexOf('=');
        String id = pair.substring(0, eq).strip();
        if (!SalesforceIds.isId(id)) {
          throw new ConfigException(
              name, text, "'" + id + "' is not an ActionId (15 or 18 letters and digits, 04k...)");
        }
        if (byAction.put(SalesforceIds.to18(id), WORDS.get(pair.substring(eq + 1).strip()))
            != null) {
          throw new ConfigException(name, text, "'" + id + "' is listed twice");
        }
      }
    }
    return new OutboundActions(byAction);
  }

  /** What the outbound message with this ActionId means, if the table says. */
  Optional<Meaning> find(String actionId) {
    return SalesforceIds.isId(actionId)
        ? Optional.ofNullable(byAction.get(SalesforceIds.to18(actionId)))
        : Optional.empty();
  }

  static final class Validator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      parse(name, value == null ? "" : value.toString());
    }

    @Override
    public String toString() {
      return "ActionId=meaning pairs, comma-separated; meaning one of lead-created,"
          + " lead-owner-changed, lead-status-changed, touch or -";
    }
  }
}
