package io.platformsim.fleet.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code --map} file: read as written, every bad line one message naming all four parts. */
class ServiceRenamesTest {

  @TempDir Path dir;

  @Test
  void theFixtureRenamesTwoLegacyServices() {
    ServiceRenames r = ServiceRenames.read(Path.of("..", "examples", "fleet", "renames.csv"));
    assertEquals(
        Map.of("checkout", "checkout.shop", "payments", "ledger.payments"), r.legacyToKubernetes());
    assertEquals("checkout.shop", r.kubernetesName("checkout"));
    assertEquals("search", r.kubernetesName("search")); // not renamed: itself
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "old,new\\na,b                 | 1 | header     | old,new",
        "legacy,kubernetes\\na,b,c     | 2 | row        | a,b,c",
        "legacy,kubernetes\\n,b        | 2 | legacy     | ,b",
        "legacy,kubernetes\\na,        | 2 | kubernetes | a,",
        "legacy,kubernetes\\na,b\\na,c | 3 | legacy     | 'a'",
        "legacy,kubernetes\\na,b\\nc,b | 3 | kubernetes | 'b'",
        "# only a comment              | 1 | header     | empty"
      })
  void aBadLineNamesFileLineFieldAndValue(String text, int line, String field, String value)
      throws IOException {
    Path f = dir.resolve("map.csv");
    Files.writeString(f, text.strip().replace("\\n", "\n") + "\n");
    FleetImportException e = assertThrows(FleetImportException.class, () -> ServiceRenames.read(f));
    String m = e.getMessage();
    assertTrue(m.startsWith(f + ":" + line + ": " + field + ": "), m);
    assertTrue(m.contains(value), m);
    assertTrue(!m.contains("\n"), m);
  }

  @Test
  void aMissingFileIsOneLineNamingIt() {
    Path f = dir.resolve("nope.csv");
    FleetImportException e = assertThrows(FleetImportException.class, () -> ServiceRenames.read(f));
    assertTrue(e.getMessage().startsWith(f + ": cannot read"), e.getMessage());
  }
}
