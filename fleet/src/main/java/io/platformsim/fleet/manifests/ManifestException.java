package io.platformsim.fleet.manifests;

/**
 * A manifest that cannot be imported: the one-line message is {@code file#document (line N): field:
 * problem}, naming the file, the 0-based document index in it, the line the document starts on, the
 * field path inside the document and the bad value.
 */
public class ManifestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int document;
  private final int line;
  private final String field;

  /**
   * @param file file name as given
   * @param document 0-based document index in the file, or -1 for the whole file
   * @param line 1-based line the document starts on (for a file that does not parse, the line where
   *     the parser's trouble starts), or 0 if unknown
   * @param field field path inside the document (e.g. {@code spec.replicas}), or empty
   * @param problem what is wrong, with the bad value
   */
  public ManifestException(String file, int document, int line, String field, String problem) {
    super(message(file, document, line, field, problem));
    this.file = file;
    this.document = document;
    this.line = line;
    this.field = field;
  }

  static String message(String file, int document, int line, String field, String problem) {
    return file
        + (document >= 0 ? "#" + document : "")
        + (line > 0 ? " (line " + line + ")" : "")
        + ": "
        + (field.isEmpty() ? "" : field + ": ")
        + problem;
  }

  /** The file name as given. */
  public String file() {
    return file;
  }

  /** The 0-based document index, or -1 for the whole file. */
  public int document() {
    return document;
  }

  /** The 1-based line the document starts on, or 0 if unknown. */
  public int line() {
    return line;
  }

  /** The field path, or empty. */
  public String field() {
    return field;
  }
}
