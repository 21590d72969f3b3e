package io.followup.sla.connect.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The connector's version, written into a resource by the build. */
final class Version {

  private static final String VERSION = load();

  private Version() {}

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
