package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file that is not UTF-8 text is named as such, with the byte and its line. */
class ScenarioFileTextTest {

  @TempDir Path dir;

  private static final String HEAD = "name: x\nservices:\n  - name: caf";

  private static final String TAIL =
      "\n    instances: 2\n    request: {cpu: 1, memory: 1Gi}\n    usage: {cpu: 1, memory: 1Gi}\n";

  private Path file(byte[]... parts) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.write(p);
    }
    return Files.write(dir.resolve("s.yaml"), b.toByteArray());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private ScenarioFileException error(Path f) {
    return assertThrows(ScenarioFileException.class, () -> ScenarioFile.load(f));
  }

  @Test
  void latin1ByteIsNamedWithItsPositionAndLine() throws Exception {
    // "café" saved as ISO-8859-1: é is the single byte 0xE9, which UTF-8 never starts a character
    // with unless two continuation bytes follow.
    Path f = file(ascii(HEAD), new byte[] {(byte) 0xE9}, ascii(TAIL));
    ScenarioFileException e = error(f);
    int byteNumber = HEAD.length() + 1; // counted from 1
    assertEquals(3, e.line());
    assertEquals(
        "not UTF-8 text at byte " + byteNumber + " (0xE9); save the file as UTF-8", e.problem());
  }

  @Test
  void truncatedSequenceAtTheEndIsNamed() throws Exception {
    // 0xC3 starts a two-byte character; the file ends before the second byte.
    byte[] head = ascii(HEAD + TAIL + "# caf");
    ScenarioFileException e = error(file(head, new byte[] {(byte) 0xC3}));
    assertEquals(
        "not UTF-8 text at byte " + (head.length + 1) + " (0xC3); save the file as UTF-8",
        e.problem());
    assertEquals(7, e.line());
  }

  @Test
  void nulByteMeansABinaryFile() throws Exception {
    ScenarioFileException e = error(file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
    assertEquals("binary file (a NUL byte at byte 5), not a YAML scenario", e.problem());
    assertEquals(1, e.line());
  }

  @Test
  void utf16IsNamed() throws Exception {
    ScenarioFileException e = error(file((HEAD + "e" + TAIL).getBytes(StandardCharsets.UTF_16)));
    assertEquals(
        "UTF-16 text (byte-order mark at byte 1), not UTF-8; save it as UTF-8", e.problem());
  }

  @Test
  void utf8TextLoads() throws Exception {
    Path f = file((HEAD + TAIL + "# café, naïve, ✓\n").getBytes(StandardCharsets.UTF_8));
    assertEquals("x", ScenarioFile.load(f).name());
  }
}
