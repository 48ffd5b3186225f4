package io.platformsim.core.yaml;

/**
 * A YAML file that cannot be read as its schema says: names the file, the 1-based line and the
 * field path (such as {@code services[2].request.cpu}), and says what is wrong. The message is one
 * line, {@code file:line: field: problem}, with the line and field left out when unknown.
 */
public class YamlFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param file file name as given
   * @param line 1-based line, or 0 if unknown
   * @param field the field path, or empty for the whole file
   * @param problem what is wrong, with the bad value
   */
  public YamlFileException(String file, int line, String field, String problem) {
    super(message(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /**
   * The one-line message {@code file:line: field: problem} (line and field left out when unknown).
   */
  public static String message(String file, int line, String field, String problem) {
    return file
        + (line > 0 ? ":" + line : "")
        + ": "
        + (field.isEmpty() ? "" : field + ": ")
        + problem;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** The 1-based line, 0 if unknown. */
  public int line() {
    return line;
  }

  /** The field path, e.g. {@code timeline[3].release.service}; empty for the whole file. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }
}
