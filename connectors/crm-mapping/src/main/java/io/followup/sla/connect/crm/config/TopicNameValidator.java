package io.followup.sla.connect.crm.config;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A legal Kafka topic name: 1 to 249 of letters, digits, '.', '_' and '-'. */
public final class TopicNameValidator implements ConfigDef.Validator {

  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  @Override
  public void ensureValid(String name, Object value) {
    String topic = value == null ? "" : value.toString();
    if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new ConfigException(
          name, value, "not a topic name: 1 to 249 letters, digits, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return "a topic name";
  }
}
