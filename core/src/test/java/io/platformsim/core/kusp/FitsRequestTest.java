package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.platformsim.core.workload.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Cluster#fitsRequest}: the NodeResourcesFit rule on CPU, memory and pod count (k/k
 * pkg/scheduler/framework/plugins/noderesources/fit.go {@code fitsRequest}: insufficient when the
 * request exceeds allocatable minus requested; too many pods when one more would exceed the allowed
 * pod number).
 */
class FitsRequestTest {

  @ParameterizedTest(name = "{0}m/{1}MiB into {2}m/{3}MiB/{4} pods: {5}")
  @CsvSource({
    // request cpu, mem | free cpu, mem, pods | fits
    "100, 128,   100, 128, 1,   true", // exactly what is free
    "100, 128,   101, 129, 5,   true",
    "101, 128,   100, 128, 1,   false", // Insufficient cpu by 1m
    "100, 129,   100, 128, 1,   false", // Insufficient memory by 1 MiB
    "100, 128,   100, 128, 0,   false", // Too many pods
    "0,   0,     0,   0,   1,   true", // a request of nothing fits an otherwise full node
    "0,   0,     0,   0,   0,   false", // ... unless it has no pod slot
    "0,   0,     -5,  -5,  1,   false", // overcommitted (negative free room) fits nothing
  })
  void fitsWhenEveryDimensionHasRoomAndOnePodSlotIsLeft(
      long cpu, long mem, long freeCpu, long freeMem, long freePods, boolean fits) {
    assertEquals(fits, Cluster.fitsRequest(Resources.of(cpu, mem), freeCpu, freeMem, freePods));
  }
}
