package io.platformsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWeightedAverageTest {

  @Test
  void timeWeightedAverageByHand() {
    // 0 busy from 0 to 10 ms, 2 busy to 30 ms, 1 busy to 40 ms:
    // (0·10 + 2·20 + 1·10) / 40 = 50 / 40 = 1.25
    TimeWeightedAverage busy = new TimeWeightedAverage("busy", 0, 0);
    busy.update(10, 2);
    busy.add(30, -1);
    assertEquals(50, busy.integral(40), 1e-12);
    assertEquals(1.25, busy.average(40), 1e-12);
    assertEquals(2, busy.max());
    assertEquals(0, busy.min());
    assertEquals(1, busy.current());
    busy.update(30, 5); // a second update at the same instant: held for zero time so far
    assertEquals((40 + 5 * 10) / 40.0, busy.average(40), 1e-12);
    var e = assertThrows(IllegalArgumentException.class, () -> busy.update(20, 1));
    assertTrue(e.getMessage().contains("20") && e.getMessage().contains("30"));
    TimeWeightedAverage fresh = new TimeWeightedAverage("fresh", 100, 3);
    assertEquals(3, fresh.average(100)); // empty interval: the value held
  }
}
