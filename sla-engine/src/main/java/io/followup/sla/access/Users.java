package io.followup.sla.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logins of the query API, one a line: {@code name role credential}, e.g. {@code ops-anna ops
 * sha256$9f86...} (a bearer token) or {@code rep-m1 manager pbkdf2-sha256$120000$salt$hash} (a
 * password for basic auth). Blank lines and lines starting with {@code #} are skipped.
 */
public final class Users {

  /** How many verified basic logins are remembered, so a page's requests skip PBKDF2. */
  private static final int VERIFIED_CACHE = 1_000;

  private final Map<String, User> byName;
  private final List<User> tokens;
  private final Map<String, User> verified = new ConcurrentHashMap<>();
  private final Credential decoy;

  private Users(Map<String, User> byName) {
    this.byName = byName;
    this.tokens = byName.values().stream().filter(u -> u.credential().isToken()).toList();
    this.decoy = Credential.parse("pbkdf2-sha256$120000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA");
  }

  /**
   * Reads the lines; an error names the line, never its secret.
   *
   * @throws IllegalArgumentException for a line that is not a login
   */
  public static Users parse(List<String> lines) {
    Map<String, User> users = new LinkedHashMap<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw new IllegalArgumentException("login " + number + " is not 'name role credential'");
      }
      int at = number;
      Role role =
          Role.parse(parts[1])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "login " + at + " has a role other than ops or manager"));
      Credential credential;
      try {
        credential = Credential.parse(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("login of " + parts[0] + ": " + e.getMessage());
      }
      if (users.put(parts[0], new User(parts[0], role, credential)) != null) {
        throw new IllegalArgumentException("login " + parts[0] + " is listed twice");
      }
    }
    return new Users(users);
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public int size() {
    return byName.size();
  }

  /** The user an {@code Authorization} header proves, or empty for none or a wrong one. */
  public Optional<User> authenticate(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer(authorization.substring(7).strip());
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(authorization.substring(6).strip());
    }
    return Optional.empty();
  }

  private Optional<User> bearer(String token) {
    User found = null;
    // Every token is compared, each in constant time, so the time taken says nothing of which.
    for (User user : tokens) {
      if (user.credential().matches(token)) {
        found = user;
      }
    }
    return Optional.ofNullable(found);
  }

  private Optional<User> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String name = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String key = HexFormat.of().formatHex(Credential.sha256(decoded));
    User remembered = verified.get(key);
    if (remembered != null && byName.get(name) == remembered) {
      return Optional.of(remembered);
    }
    User user = byName.get(name);
    if (user == null || user.credential().isToken()) {
      // The same work for an unknown name, so timing does not tell which names exist.
      decoy.matches(password);
      return Optional.empty();
    }
    if (!user.credential().matches(password)) {
      return Optional.empty();
    }
    if (verified.size() >= VERIFIED_CACHE) {
      verified.clear();
    }
    verified.put(key, user);
    return Optional.of(user);
  }
}
