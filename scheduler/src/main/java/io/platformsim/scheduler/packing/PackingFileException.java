package io.platformsim.scheduler.packing;

/**
 * A packing file could not be read: the message names the file, the line (1-based) and the field,
 * for example {@code u120.txt line 7, item 5 size: 'x1' is not an integer}, so a command line can
 * print it as one line.
 */
public final class PackingFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  /**
   * @param file the file name as given by the caller
   * @param line the 1-based line number, or 0 when the problem is the file as a whole
   * @param field what was being read, for example {@code "item 5 size"}
   * @param problem what is wrong, including the offending value
   */
  public PackingFileException(String file, int line, String field, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ", " + field + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file name as given by the caller. */
  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem is the file as a whole. */
  public int line() {
    return line;
  }

  /** The field being read, for example {@code "capacity"} or {@code "item 5 size"}. */
  public String field() {
    return field;
  }
}
