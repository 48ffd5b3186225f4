package io.platformsim.fleet.scenario;

/**
 * An import that cannot become a scenario: conflicting or dangling inputs (usage for a service on
 * neither side, two services of one name after renames), or a malformed renames file. The message
 * is one line naming what is wrong and the value (for a file: file, line, field and value).
 */
public final class FleetImportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An import problem; {@code message} is one line. */
  public FleetImportException(String message) {
    super(message);
  }

  /** An import problem with its cause; {@code message} is one line. */
  public FleetImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
