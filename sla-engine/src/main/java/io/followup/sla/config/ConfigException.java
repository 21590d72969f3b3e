package io.followup.sla.config;

/** A setting that cannot be used; the message is one line for the person who wrote it. */
public final class ConfigException extends Exception {

  public ConfigException(String message) {
    super(message);
  }
}
