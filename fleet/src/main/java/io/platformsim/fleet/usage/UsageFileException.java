package io.platformsim.fleet.usage;

/**
 * A usage file that cannot be read: names the file, the 1-based line, the field (a CSV column name)
 * and says what is wrong, with the bad value. The message is one line, {@code file:line: field:
 * problem}, the same shape as {@code core.yaml.YamlFileException} (mirrored, not reused, because
 * this package must not depend on the YAML layer).
 */
public class UsageFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param file file name as given
   * @param line 1-based line, or 0 if unknown
   * @param field the column name, or empty for the whole file
   * @param problem what is wrong, with the bad value
   */
  public UsageFileException(String file, int line, String field, String problem) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (field.isEmpty() ? "" : field + ": ")
            + problem);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** The 1-based line, 0 if unknown. */
  public int line() {
    return line;
  }

  /** The column name; empty for the whole file. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }
}
