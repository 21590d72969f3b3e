package io.followup.sla.registry;

import java.util.List;

/**
 * A request the registry refuses, with Confluent's {@code error_code}; the HTTP status follows from
 * the code as it does in Confluent's registry (40401 is a 404, 42201 a 422, 409 is itself).
 */
public class RegistryException extends RuntimeException {

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;

  private final int errorCode;

  public RegistryException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public RegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }

  public int httpStatus() {
    return errorCode >= 10_000 ? errorCode / 100 : errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(
        VERSION_NOT_FOUND, "Version " + version + " of subject '" + subject + "' not found.");
  }

  static RegistryException schemaNotFound(int id) {
    return new RegistryException(SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  static RegistryException schemaNotUnderSubject(String subject) {
    return new RegistryException(
        SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'");
  }

  static RegistryException incompatible(
      String subject, CompatibilityLevel level, List<String> problems) {
    return new RegistryException(
        INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier "
            + "schema for subject \""
            + subject
            + "\" (compatibility "
            + level
            + "): "
            + String.join("; ", problems));
  }

  static RegistryException invalidSchema(String message) {
    return new RegistryException(INVALID_SCHEMA, message);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level"
            + (level == null ? "" : " '" + level + "'")
            + ". Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, "
            + "FORWARD, FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE");
  }

  static RegistryException storeError(String message, Throwable cause) {
    return new RegistryException(STORE_ERROR, message, cause);
  }
}
