package io.platformsim.core.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.workload.Release;
import org.junit.jupiter.api.Test;

class DurationSummaryTest {

  @Test
  void nearestRankPercentiles() {
    long[] v = new long[20];
    for (int i = 0; i < 20; i++) {
      v[i] = (20 - i) * 1000L; // 20 s down to 1 s, unsorted on purpose
    }
    DurationSummary s = DurationSummary.of(v);
    assertEquals(20, s.count());
    assertEquals(10_500.0, s.mean()); // (1 + ... + 20) / 20 = 10.5 s
    assertEquals(1_000, s.min());
    // Nearest rank: p50 → rank ceil(0.5 × 20) = 10 → 10 s; p95 → rank ceil(0.95 × 20) = 19 → 19 s.
    assertEquals(10_000, s.median());
    assertEquals(19_000, s.p95());
    assertEquals(20_000, s.max());
    assertEquals(20_000L, v[0], "input not modified");
    assertEquals(DurationSummary.EMPTY, DurationSummary.of(new long[0]));
    // One value: every percentile is that value.
    assertEquals(new DurationSummary(1, 7, 7, 7, 7, 7), DurationSummary.of(new long[] {7}));
  }

  @Test
  void rolloutRecordDuration() {
    RolloutRecord r =
        new RolloutRecord(
            Release.app("zebra", "2"),
            "rolling",
            1_000,
            241_000,
            RolloutRecord.Outcome.COMPLETED,
            40,
            10,
            2_400_000);
    assertEquals(240_000, r.durationMillis());
    assertEquals(240.0, r.durationSeconds());
    RolloutRecord running =
        new RolloutRecord(
            Release.app("zebra", "2"),
            "rolling",
            1_000,
            -1,
            RolloutRecord.Outcome.IN_PROGRESS,
            0,
            0,
            0);
    assertEquals(-1, running.durationMillis());
  }

  @Test
  void failureValidation() {
    assertEquals(Failure.Kind.MACHINE_CRASH, Failure.machineCrash("zebra", 2).kind());
    var e = assertThrows(IllegalArgumentException.class, () -> Failure.machineCrash("zebra", 0));
    assertTrue(e.getMessage().contains("count") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Failure.machineCrash("", 1));
    assertTrue(e.getMessage().contains("service"), e.getMessage());
  }
}
