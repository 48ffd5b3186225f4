package io.platformsim.core.experiment;

import io.platformsim.core.yaml.YamlFileException;

/**
 * A scenario file that cannot be loaded: names the file, the 1-based line and the field (a path
 * such as {@code services[2].request.cpu}), and says what is wrong. Nothing of a file that throws
 * this is used. Its parts ({@link #file()}, {@link #line()}, {@link #field()}, {@link #problem()})
 * and its one-line message are those of every {@link YamlFileException}.
 */
public final class ScenarioFileException extends YamlFileException {

  private static final long serialVersionUID = 1L;

  /**
   * @param file file name as given
   * @param line 1-based line, or 0 if unknown
   * @param field the field path, or empty for the whole file
   * @param problem what is wrong, with the bad value
   */
  public ScenarioFileException(String file, int line, String field, String problem) {
    super(file, line, field, problem);
  }
}
