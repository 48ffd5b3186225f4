package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scenario-file units; expected values worked out by hand from the Kubernetes quantity rules. */
class UnitsTest {

  @ParameterizedTest
  @CsvSource({
    "500m, 500",
    "2, 2000",
    "0.5, 500",
    "'0.25', 250",
    "1.5m, 2", // a fraction of a millicore rounds up (quantity.go MilliValue)
    "500 m, 500", // blanks between number and unit were always allowed
    "1e1, 10000", // exponent form: 10 cores
    "+1, 1000",
    ".5, 500"
  })
  void cpuIsMillicores(String text, long milli) {
    assertEquals(milli, Units.MILLI_CPU.read(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"100Mi", "-1", "1k", "abc", "", "1 2", "2 cores"})
  void cpuRefusesOtherUnits(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.MILLI_CPU.read(text));
    assertTrue(
        e.getMessage()
            .startsWith("expected CPU as millicores like 500m or cores like 2 or 0.5, was '"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "512Mi, 512",
    "4Gi, 4096",
    "1.5Gi, 1536",
    "1Ti, 1048576",
    "1024Ki, 1",
    "1Ki, 1",
    "2G, 1908", // 2e9 B / 1,048,576 = 1907.35, rounded up
    "1M, 1", // 1e6 B is 0.95 MiB, rounded up
    "4 Gi, 4096"
  })
  void memoryIsMibRoundedUp(String text, long mib) {
    assertEquals(mib, Units.MEMORY_MIB.read(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1536", "100m", "1Pi", "-1Gi", "1e9", "4GB"})
  void memoryNeedsAMemoryUnit(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.MEMORY_MIB.read(text));
    assertTrue(e.getMessage().startsWith("expected memory with a unit like 512Mi"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "200MB, 200000000",
    "1.5GB, 1500000000",
    "30MiB, 31457280",
    "512B, 512",
    "1KB, 1000",
    "1kB, 1000",
    "2KiB, 2048",
    "1TB, 1000000000000",
    "0.5B, 1"
  })
  void sizesAreBytes(String text, long bytes) {
    assertEquals(bytes, Units.BYTES.read(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5 parsecs", "10", "-1MB", "10PB", "1Gi"})
  void sizesNeedASizeUnit(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.BYTES.read(text));
    assertTrue(e.getMessage().startsWith("expected a size with a unit like 200MB"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"5000TB", "4.6e12"})
  void beyondTheSchedulerMaximumIsAnError(String text) {
    // Quantity.MAX is 2^52 = 4,503,599,627,370,496 base units.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> (text.endsWith("B") ? Units.BYTES : Units.MILLI_CPU).read(text));
    assertTrue(e.getMessage().contains("more than the largest quantity"), e.getMessage());
  }
}
