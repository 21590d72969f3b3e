package io.followup.sla.connect.crm.marketo;

import io.followup.sla.connect.crm.config.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which Marketo activity types are content engagement, as what asset type and with what intent
 * score: {@code activityTypeId=ASSET_TYPE:score} pairs such as {@code 11=EMAIL_CLICK:40}; the score
 * (0 to 100) may be left out, {@code -} marks a type that is no engagement.
 */
final class ActivityTypes {

  private static final Pattern TARGET = Pattern.compile("([A-Z][A-Z0-9_]{0,63})(?::(\\d{1,3}))?");

  /** An activity type as an engagement; a null score means the type carries no intent score. */
  record Engagement(String assetType, Integer intentScore) {}

  private final Map<String, Optional<Engagement>> types;

  private ActivityTypes(Map<String, Optional<Engagement>> types) {
    this.types = types;
  }

  static ActivityTypes parse(String name, String text) {
    Vocabulary table = Vocabulary.parse(name, text, Set.of());
    Map<String, Optional<Engagement>> types = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.lastIndexOf('=');
      String id = pair.substring(0, eq).strip();
      if (!id.matches("\\d{1,9}")) {
        throw new ConfigException(name, text, "'" + id + "' is not an activity type id");
      }
      String target = table.find(id).orElseThrow();
      if (target.equals(Vocabulary.IGNORE)) {
        types.put(id, Optional.empty());
        continue;
      }
      Matcher m = TARGET.matcher(target);
      if (!m.matches()) {
        throw new ConfigException(
            name, text, "'" + target + "' is not ASSET_TYPE or ASSET_TYPE:score, e.g. FORM:70");
      }
      Integer score = m.group(2) == null ? null : Integer.valueOf(m.group(2));
      if (score != null && score > 100) {
        throw new ConfigException(name, text, "intent score " + score + " is above 100");
      }
      types.put(id, Optional.of(new Engagement(m.group(1), score)));
    }
    return new ActivityTypes(types);
  }

  /** Whether the id is in the table at all, and then what it means (empty: no engagement). */
  Optional<Optional<Engagement>> find(String activityTypeId) {
    return Optional.ofNullable(types.get(activityTypeId.strip()));
  }

  String known() {
    return String.join(", ", types.keySet());
  }

  static final class Validator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      parse(name, value == null ? "" : value.toString());
    }

    @Override
    public String toString() {
      return "activityTypeId=ASSET_TYPE[:score] pairs, comma-separated, or id=-";
    }
  }
}
