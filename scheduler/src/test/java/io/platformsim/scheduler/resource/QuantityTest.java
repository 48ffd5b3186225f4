package io.platformsim.scheduler.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.scheduler.resource.Quantity.Format;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
  @Test
  void parsesKubernetesSuffixes() {
    // k8s.io/apimachinery pkg/api/resource: m = 10^-3, k/M/G decimal, Ki/Mi/Gi binary
    assertEquals(500, Quantity.parse("cpu", "500m", true));
    assertEquals(2000, Quantity.parse("cpu", "2", true));
    assertEquals(1500, Quantity.parse("cpu", "1.5", true));
    assertEquals(2L * 1024 * 1024 * 1024, Quantity.parse("memory", "2Gi", false));
    assertEquals(128L * 1024 * 1024, Quantity.parse("memory", "128Mi", false));
    assertEquals(10_000_000, Quantity.parse("memory", "10M", false));
    assertEquals(1536L * 1024 * 1024, Quantity.parse("memory", "1.5Gi", false));
    // fractional base units round up, like Quantity.Value()
    assertEquals(1, Quantity.parse("memory", "100m", false));
  }

  /**
   * Rows of k8s.io/apimachinery {@code pkg/api/resource/quantity_test.go} {@code
   * TestQuantityParse}: input, then the expected amount as upstream's {@code decQuantity(mantissa,
   * exponent, format)}.
   */
  @ParameterizedTest(name = "{0} = {1}e{2} {3}")
  @CsvSource({
    "0, 0, 0, DECIMAL_SI",
    "0n, 0, 0, DECIMAL_SI",
    "0u, 0, 0, DECIMAL_SI",
    "0m, 0, 0, DECIMAL_SI",
    "0Ki, 0, 0, BINARY_SI",
    "0k, 0, 0, DECIMAL_SI",
    "0Mi, 0, 0, BINARY_SI",
    "0M, 0, 0, DECIMAL_SI",
    "0Gi, 0, 0, BINARY_SI",
    "0G, 0, 0, DECIMAL_SI",
    "0Ti, 0, 0, BINARY_SI",
    "0T, 0, 0, DECIMAL_SI",
    "1, 1, 0, DECIMAL_SI",
    // binary suffixes
    "1Ki, 1024, 0, BINARY_SI",
    "8Ki, 8192, 0, BINARY_SI",
    "7Mi, 7340032, 0, BINARY_SI",
    "6Gi, 6442450944, 0, BINARY_SI",
    "5Ti, 5497558138880, 0, BINARY_SI",
    "4Pi, 4503599627370496, 0, BINARY_SI",
    "3Ei, 3458764513820540928, 0, BINARY_SI",
    "10Ti, 10995116277760, 0, BINARY_SI",
    "100Ti, 109951162777600, 0, BINARY_SI",
    // decimal suffixes
    "5n, 5, -9, DECIMAL_SI",
    "4u, 4, -6, DECIMAL_SI",
    "3m, 3, -3, DECIMAL_SI",
    "9, 9, 0, DECIMAL_SI",
    "8k, 8, 3, DECIMAL_SI",
    "50k, 5, 4, DECIMAL_SI",
    "7M, 7, 6, DECIMAL_SI",
    "6G, 6, 9, DECIMAL_SI",
    "5T, 5, 12, DECIMAL_SI",
    "40T, 4, 13, DECIMAL_SI",
    "300T, 3, 14, DECIMAL_SI",
    "2P, 2, 15, DECIMAL_SI",
    "1E, 1, 18, DECIMAL_SI",
    // decimal exponents
    "1E-3, 1, -3, DECIMAL_EXPONENT",
    "1e3, 1, 3, DECIMAL_EXPONENT",
    "1E6, 1, 6, DECIMAL_EXPONENT",
    "1e9, 1, 9, DECIMAL_EXPONENT",
    "1E12, 1, 12, DECIMAL_EXPONENT",
    "1e15, 1, 15, DECIMAL_EXPONENT",
    "1E18, 1, 18, DECIMAL_EXPONENT",
    "1e14, 1, 14, DECIMAL_EXPONENT",
    "1e13, 1, 13, DECIMAL_EXPONENT",
    "100.035k, 100035, 0, DECIMAL_SI",
    // things that look like floating point
    "0.001, 1, -3, DECIMAL_SI",
    "0.0005k, 5, -1, DECIMAL_SI",
    "0.005, 5, -3, DECIMAL_SI",
    "0.05, 5, -2, DECIMAL_SI",
    "0.5, 5, -1, DECIMAL_SI",
    "0.00050k, 5, -1, DECIMAL_SI",
    "0.00500, 5, -3, DECIMAL_SI",
    "0.05000, 5, -2, DECIMAL_SI",
    "0.50000, 5, -1, DECIMAL_SI",
    "0.5e0, 5, -1, DECIMAL_EXPONENT",
    "0.5e-1, 5, -2, DECIMAL_EXPONENT",
    "0.5e-2, 5, -3, DECIMAL_EXPONENT",
    "10.035M, 10035, 3, DECIMAL_SI",
    "1.2e3, 12, 2, DECIMAL_EXPONENT",
    "1.3E+6, 13, 5, DECIMAL_EXPONENT",
    "1.40e9, 14, 8, DECIMAL_EXPONENT",
    "1.53E12, 153, 10, DECIMAL_EXPONENT",
    "1.6e15, 16, 14, DECIMAL_EXPONENT",
    "1.7E18, 17, 17, DECIMAL_EXPONENT",
    "9.01, 901, -2, DECIMAL_SI",
    "8.1k, 81, 2, DECIMAL_SI",
    "7.123456M, 7123456, 0, DECIMAL_SI",
    "6.987654321G, 6987654321, 0, DECIMAL_SI",
    "5.444T, 5444, 9, DECIMAL_SI",
    "40.1T, 401, 11, DECIMAL_SI",
    "300.2T, 3002, 11, DECIMAL_SI",
    "2.5P, 25, 14, DECIMAL_SI",
    "1.01E, 101, 16, DECIMAL_SI",
    // things that saturate or round (up, to a whole nano)
    "3.001n, 4, -9, DECIMAL_SI",
    "1.1E-9, 2, -9, DECIMAL_EXPONENT",
    "0.0000000001, 1, -9, DECIMAL_SI",
    "0.0000000005, 1, -9, DECIMAL_SI",
    "0.00000000050, 1, -9, DECIMAL_SI",
    "0.5e-9, 1, -9, DECIMAL_EXPONENT",
    "0.9n, 1, -9, DECIMAL_SI",
    "0.00000012345, 124, -9, DECIMAL_SI",
    "0.00000012354, 124, -9, DECIMAL_SI",
    "9Ei, 9223372036854775807, 0, BINARY_SI",
    "9223372036854775807Ki, 9223372036854775807, 0, BINARY_SI",
    "12E, 12, 18, DECIMAL_SI",
    // fractional binary
    "100.035Ki, 10243584, -2, BINARY_SI",
    "0.5Mi, 524288, 0, BINARY_SI",
    "0.05Gi, 536870912, -1, BINARY_SI",
    "0.025Ti, 274877906944, -1, BINARY_SI",
    // "things written by trolls"
    "0.000000000001Ki, 2, -9, DECIMAL_SI",
    ".001, 1, -3, DECIMAL_SI",
    ".0001k, 100, -3, DECIMAL_SI",
    "1., 1, 0, DECIMAL_SI",
    "1.G, 1, 9, DECIMAL_SI",
  })
  void parsesUpstreamTable(String input, String mantissa, int exponent, Format format) {
    BigDecimal expected = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
    Quantity q = Quantity.parse(input);
    assertEquals(0, expected.compareTo(q.amount()), input + " gave " + q.amount());
    assertEquals(format, q.format(), input);
    // upstream runs the table again with "-" and "+" in front
    assertEquals(0, expected.negate().compareTo(Quantity.parse("-" + input).amount()), "-" + input);
    assertEquals(0, expected.compareTo(Quantity.parse("+" + input).amount()), "+" + input);
  }

  /**
   * The invalid inputs of upstream {@code TestQuantityParse}, plus two this parser refuses on
   * purpose.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ",
        "", ".", "-.", "1e1001"
      })
  void refusesUpstreamInvalidInputs(String input) {
    assertThrows(IllegalArgumentException.class, () -> Quantity.parse(input));
  }

  /**
   * {@code TestQuantityString} and {@code TestQuantityParseEmit} of upstream quantity_test.go:
   * canonical form of an amount in a format, and of parsed text.
   */
  @ParameterizedTest(name = "{0}e{1} {2} -> {3}")
  @CsvSource({
    "1073741824, 0, BINARY_SI, 1Gi",
    "314572800, 0, BINARY_SI, 300Mi",
    "6144, 0, BINARY_SI, 6Ki",
    "1074815565824, 0, BINARY_SI, 1001Gi",
    "1099511627776, 0, BINARY_SI, 1Ti",
    "5, 0, BINARY_SI, 5",
    "500, -3, BINARY_SI, 500m",
    "1, 9, DECIMAL_SI, 1G",
    "1000, 6, DECIMAL_SI, 1G",
    "1000000, 3, DECIMAL_SI, 1G",
    "1000000000, 0, DECIMAL_SI, 1G",
    "1, -3, DECIMAL_SI, 1m",
    "80, -3, DECIMAL_SI, 80m",
    "1080, -3, DECIMAL_SI, 1080m",
    "108, -2, DECIMAL_SI, 1080m",
    "10800, -4, DECIMAL_SI, 1080m",
    "300, 6, DECIMAL_SI, 300M",
    "1, 12, DECIMAL_SI, 1T",
    "1, 18, DECIMAL_SI, 1E",
    "1, 21, DECIMAL_SI, 1e21",
    "5, 21, DECIMAL_SI, 5e21",
    "1, 24, DECIMAL_SI, 1e24",
    "1234567, 6, DECIMAL_SI, 1234567M",
    "1234567, -3, BINARY_SI, 1234567m",
    "3, 3, DECIMAL_SI, 3k",
    "1025, 0, BINARY_SI, 1025",
    "0, 0, DECIMAL_SI, 0",
    "0, 0, BINARY_SI, 0",
    "1, 9, DECIMAL_EXPONENT, 1e9",
    "1, -3, DECIMAL_EXPONENT, 1e-3",
    "1, -9, DECIMAL_EXPONENT, 1e-9",
    "80, -3, DECIMAL_EXPONENT, 80e-3",
    "300, 6, DECIMAL_EXPONENT, 300e6",
    "1, 12, DECIMAL_EXPONENT, 1e12",
    "1, 3, DECIMAL_EXPONENT, 1e3",
    "3, 3, DECIMAL_EXPONENT, 3e3",
    "0, 0, DECIMAL_EXPONENT, 0",
    "1, -9, DECIMAL_SI, 1n",
    "80, -9, DECIMAL_SI, 80n",
    "1080, -9, DECIMAL_SI, 1080n",
    "108, -8, DECIMAL_SI, 1080n",
    "1, -6, DECIMAL_SI, 1u",
    "80, -6, DECIMAL_SI, 80u",
    "1080, -6, DECIMAL_SI, 1080u",
  })
  void formatsCanonicallyLikeUpstream(
      String mantissa, int exponent, Format format, String expected) {
    Quantity q = new Quantity(new BigDecimal(mantissa).scaleByPowerOfTen(exponent), format);
    assertEquals(expected, q.toString());
    assertEquals(0, q.compareTo(Quantity.parse(expected)), expected);
    if (q.signum() != 0) {
      assertEquals("-" + expected, new Quantity(q.amount().negate(), format).toString());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "1Ki, 1Ki",
    "1Mi, 1Mi",
    "1Gi, 1Gi",
    "1024Mi, 1Gi",
    "1000M, 1G",
    ".001Ki, 1024m",
    ".000001Ki, 1024u",
    ".000000001Ki, 1024n",
    ".000000000001Ki, 2n"
  })
  void parseThenEmitLikeUpstream(String input, String expected) {
    assertEquals(expected, Quantity.parse(input).toString());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void valueAndMilliValueRoundUpLikeUpstream(Format format) {
    // quantity.go Value() and MilliValue() round a fraction up: 1.5m is 2m, 0.5 bytes is 1.
    assertEquals(2, Quantity.parse("1.5m").milliValue());
    assertEquals(1, Quantity.parse("0.5").value());
    assertEquals(1_000_000_000L, Quantity.of(1_000_000_000L, format).value());
    assertThrows(ArithmeticException.class, () -> Quantity.parse("9Ei").milliValue());
  }

  /**
   * Format then parse gives the value back, in every format, for every value the scheduler accepts.
   */
  @Property
  void formatThenParseGivesTheValueBack(
      @ForAll @LongRange(min = -Quantity.MAX, max = Quantity.MAX) long value,
      @ForAll Format format) {
    Quantity q = Quantity.of(value, format);
    assertEquals(value, Quantity.parse(q.toString()).value(), q::toString);
    assertEquals(value, Quantity.parse(Quantity.ofMilli(value).toString()).milliValue());
  }

  /**
   * Binary multiples in particular: {@code n << 10k} formats with a binary suffix and reads back.
   */
  @Property
  void binaryMultiplesRoundTrip(
      @ForAll @LongRange(min = 0, max = 1 << 20) long n,
      @ForAll @IntRange(min = 0, max = 3) int power) {
    long value = n << (10 * power);
    String text = Quantity.of(value, Format.BINARY_SI).toString();
    assertEquals(value, Quantity.parse(text).value(), text);
  }

  @Test
  void rejectsMalformedInputNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "-1Gi", false));
    assertTrue(
        e.getMessage().contains("memory") && e.getMessage().contains("-1Gi"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("cpu", "2 cores", true));
    assertTrue(e.getMessage().contains("cpu"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "5Zi", false));
    assertTrue(e.getMessage().contains("Zi"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "9Ei", false));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Quantity.parse("memory", "", false));
    assertThrows(IllegalArgumentException.class, () -> Quantity.check("pods", -3));
  }

  @Test
  void registryAndVectors() {
    DimensionRegistry reg = DimensionRegistry.standard("nvidia.com/gpu");
    assertEquals(5, reg.size());
    assertEquals(4, reg.indexOf("nvidia.com/gpu"));
    assertTrue(reg.isExtended(4));
    assertFalse(reg.isExtended(DimensionRegistry.EPHEMERAL_STORAGE));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> reg.indexOf("amd.com/gpu"));
    assertTrue(e.getMessage().contains("amd.com/gpu"), e.getMessage());
    ResourceVector v = ResourceVector.of(reg, "cpu", "250m", "memory", "0");
    assertEquals(250, v.get("cpu"));
    assertTrue(v.isSpecified(DimensionRegistry.MEMORY));
    assertFalse(v.isSpecified(DimensionRegistry.EPHEMERAL_STORAGE));
    assertEquals("{cpu=250m, memory=0}", v.toString());
    assertThrows(IllegalArgumentException.class, () -> DimensionRegistry.standard("cpu"));
  }
}
