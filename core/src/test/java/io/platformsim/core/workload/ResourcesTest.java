package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcesTest {

  /**
   * 1 MiB = 2^20 = 1,048,576 bytes (IEC 80000-13); MiB are rounded up so a request never shrinks.
   */
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1, 1",
    "1048575, 1",
    "1048576, 1",
    "1048577, 2",
    "2000000000, 1908",
    "1073741824, 1024"
  })
  void mibOfBytesRoundsUp(long bytes, long mib) {
    assertEquals(mib, Resources.mibOfBytes(bytes));
  }

  @Property
  void bytesOfMibThenBackIsTheSame(@ForAll @LongRange(min = 0, max = 1L << 40) long mib) {
    assertEquals(mib, Resources.mibOfBytes(Resources.bytesOfMib(mib)));
    assertEquals(Resources.bytesOfMib(mib), Resources.of(0, mib).memoryBytes());
  }

  @Property
  void mibOfBytesIsTheLeastMibHoldingThem(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bytes) {
    BigInteger mib = BigInteger.valueOf(Resources.mibOfBytes(bytes));
    BigInteger b = BigInteger.valueOf(bytes);
    // mib MiB hold the bytes; one MiB fewer does not (in BigInteger, clear of overflow).
    assertTrue(mib.shiftLeft(20).compareTo(b) >= 0);
    assertTrue(bytes == 0 || mib.subtract(BigInteger.ONE).shiftLeft(20).compareTo(b) < 0);
  }

  @Test
  void conversionsRefuseWhatCannotBe() {
    assertThrows(IllegalArgumentException.class, () -> Resources.mibOfBytes(-1));
    assertThrows(ArithmeticException.class, () -> Resources.bytesOfMib(Long.MAX_VALUE / 1000));
  }
}
