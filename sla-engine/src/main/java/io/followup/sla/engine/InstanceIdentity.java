package io.followup.sla.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's static group membership id ({@code group.instance.id}): the same every time the same
 * instance starts, so after a crash the restarted instance takes its partitions straight back
 * instead of waiting out its predecessor's session. Derived from the host name and the data
 * directory, the two things that make an instance itself: a second instance on the same host needs
 * a data directory of its own anyway (its state stores are locked), so the two ids differ.
 */
final class InstanceIdentity {

  /** Kafka accepts these characters in a group instance id, up to 249 of them. */
  private static final int MAX_LENGTH = 249;

  private InstanceIdentity() {}

  /** The id for this host and {@code dataDir}, e.g. {@code sla-host1-3fa9c2d1}. */
  static String derive(Path dataDir, Map<String, String> environment) {
    return derive(hostName(environment), dataDir);
  }

  static String derive(String host, Path dataDir) {
    String directory = dataDir.toAbsolutePath().normalize().toString();
    String id = "sla-" + legal(host) + "-" + shortHash(directory);
    return id.length() <= MAX_LENGTH ? id : id.substring(id.length() - MAX_LENGTH);
  }

  /** Characters Kafka refuses in an id become {@code _}. */
  static String legal(String id) {
    return id.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
  }

  /** This machine's name: {@code HOSTNAME} (a Kubernetes pod's name) if set, else the host's. */
  static String hostName(Map<String, String> environment) {
    // In a Kubernetes StatefulSet the pod's name is the stable identity, and HOSTNAME holds it.
    String fromEnv = environment.get("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
