package io.platformsim.core.lesp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What package-info promises about dependencies: no source file of the package (package-info
 * aside, which states the rule) names the KuSP or the experiment packages.
 */
class LespDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/platformsim/core/lesp");

  @Test
  void neverImportsKuspNorExperiment() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "run from the core module: " + SOURCES.toAbsolutePath());
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        boolean names = text.contains("io.platformsim.core.kusp") || text.contains("io.platformsim.core.experiment");
        if (names && !f.endsWith("package-info.java")) {
          offending.add(f.getFileName().toString());
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
