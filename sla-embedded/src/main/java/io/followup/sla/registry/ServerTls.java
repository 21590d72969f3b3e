package io.followup.sla.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The registry's HTTPS identity, read from a key store as Kafka's own listeners read theirs. */
public final class ServerTls {

  private ServerTls() {}

  /**
   * A server TLS context presenting the key in {@code keyStore}.
   *
   * @param type {@code PKCS12} or {@code JKS}
   * @throws SchemaRegistryStartException with one line naming the file when it cannot be read or opened
   */
  public static SSLContext fromKeyStore(Path keyStore, String password, String type) {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore keys = KeyStore.getInstance(type);
      keys.load(in, secret);
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, secret);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SchemaRegistryStartException(
          "cannot use the key store " + keyStore + " (" + type + "): " + e.getMessage(), e);
    }
  }
}
