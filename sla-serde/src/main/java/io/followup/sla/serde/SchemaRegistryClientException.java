package io.followup.sla.serde;

/**
 * A schema registry call failed. Carries Confluent's {@code error_code} (e.g. 40401 subject not
 * found, 40403 schema not found, 409 incompatible, 42201 invalid schema) and the HTTP status, both
 * 0 when the registry gave no answer at all.
 */
public class SchemaRegistryClientException extends RuntimeException {

  /** Confluent's code for "subject not found". */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent's code for "version not found". */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Confluent's code for "schema not found". */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent's code for "schema incompatible with an earlier version". */
  public static final int INCOMPATIBLE_SCHEMA = 409;

  /** Confluent's code for "invalid schema". */
  public static final int INVALID_SCHEMA = 42201;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryClientException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryClientException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = 0;
  }

  /** The HTTP status the registry answered with; 0 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's {@code error_code}; 0 when the registry could not be reached. */
  public int errorCode() {
    return errorCode;
  }

  /** True for any "not found" answer: unknown subject, version or schema. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
