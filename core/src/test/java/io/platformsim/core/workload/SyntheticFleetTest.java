package io.platformsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SyntheticFleetTest {

  private static final long SEED = 7;

  // ------------------------------------------------------------------ size scaling

  @Property(tries = 40)
  void instancesAddUpExactlyToTheParameter(
      @ForAll @IntRange(min = 1, max = 50_000) int total, @ForAll long seed) {
    SyntheticFleet fleet = SyntheticFleet.of(total, seed);
    long sum = 0;
    for (Service s : fleet.services()) {
      sum += s.instances();
    }
    assertEquals(total, sum);
    assertEquals(total, fleet.totalInstances());
  }

  @Property(tries = 40)
  void everyServiceIsBetweenTheParetoMinimumAndTheCap(
      @ForAll @IntRange(min = 1, max = 50_000) int total, @ForAll long seed) {
    SyntheticFleet fleet = SyntheticFleet.of(total, seed);
    // Cap by hand: max(40, 1% of the fleet).
    int cap = Math.max(40, total / 100);
    List<Service> services = fleet.services();
    for (int i = 0; i < services.size(); i++) {
      int n = services.get(i).instances();
      assertTrue(n <= cap, "service " + i + " has " + n + " > cap " + cap);
      // Only the last service may be cut below the Pareto minimum of 2 to land on the total.
      assertTrue(n >= 2 || i == services.size() - 1, "service " + i + " has " + n);
    }
  }

  @Test
  void capGrowsWithTheFleet() {
    assertEquals(40, SyntheticFleet.capFor(1_000)); // 1% would be 10, below the minimum cap 40
    assertEquals(40, SyntheticFleet.capFor(4_000));
    assertEquals(1_000, SyntheticFleet.capFor(100_000));
    assertEquals(10_000, SyntheticFleet.capFor(1_000_000));
  }

  @Test
  void serviceCountScalesLinearly() {
    // Mean of the continuous Pareto(2, 1.1) capped at 1,000 is 2 * 1.1 / 0.1 * (1 - (2/1000)^0.1)
    // = 10.2, so about 10,000 services for 100,000 instances; the tail makes the sample mean
    // noisy (five independent Python draws of the floored version gave 8,510-9,405 services).
    // A tenth of the fleet (cap 40, continuous mean 5.7) gave 1,198-1,297 services in Python.
    int big = SyntheticFleet.of(100_000, SEED).services().size();
    int small = SyntheticFleet.of(10_000, SEED).services().size();
    assertTrue(big >= 8_000 && big <= 11_000, "services for 100,000 instances: " + big);
    assertTrue(small >= 1_100 && small <= 2_000, "services for 10,000 instances: " + small);
  }

  // ------------------------------------------------------------------ heavy tail

  @Test
  void topTenPercentOfServicesHoldMostInstances() {
    SyntheticFleet fleet = SyntheticFleet.of(100_000, SEED);
    List<Integer> sizes = new ArrayList<>();
    for (Service s : fleet.services()) {
      sizes.add(s.instances());
    }
    sizes.sort(Comparator.reverseOrder());
    int top = sizes.size() / 10;
    long held = 0;
    for (int i = 0; i < top; i++) {
      held += sizes.get(i);
    }
    double share = held / 100_000.0;
    // Continuous Pareto(x_min 2, shape 1.1) capped at c = 1,000: the top 10% start at
    // x_p = 2 * 0.1^(-1/1.1) = 16.2 and hold
    // [1.1 * 2^1.1 / 0.1 * (x_p^-0.1 - c^-0.1) + c * (2/c)^1.1] / E[min(X, c)] = 0.70 of the total;
    // flooring to whole instances lowers it (an independent Python draw gives 0.645-0.68).
    // A uniform fleet would give 0.10.
    assertTrue(share >= 0.60 && share <= 0.76, "top 10% share " + share);
  }

  @Test
  void manySmallServices() {
    SyntheticFleet fleet = SyntheticFleet.of(100_000, SEED);
    List<Service> services =
        fleet.services().subList(0, fleet.services().size() - 1); // last one is cut
    int two = 0;
    int atMostThree = 0;
    for (Service s : services) {
      two += s.instances() == 2 ? 1 : 0;
      atMostThree += s.instances() <= 3 ? 1 : 0;
    }
    // P(floor(X) = 2) = P(X < 3) = 1 - (2/3)^1.1 = 0.3596; P(floor(X) <= 3) = 1 - (2/4)^1.1 =
    // 0.5335.
    // With ~10,000 services the standard error is 0.005; allow 4 of them.
    assertEquals(0.3596, two / (double) services.size(), 0.02);
    assertEquals(0.5335, atMostThree / (double) services.size(), 0.02);
  }

  // ------------------------------------------------------------------ request / usage

  @Property(tries = 20)
  void usageIsBelowRequestWithinTheCalibratedShares(@ForAll long seed) {
    for (Service s : SyntheticFleet.of(5_000, seed).services()) {
      Resources r = s.request();
      Resources u = s.usage();
      assertTrue(u.fitsIn(r), s.toString());
      // CPU usage 10-60% of the request, memory 20-70% (U2/U3/P4), floored to whole units.
      assertTrue(
          u.milliCpu() >= (long) (0.10 * r.milliCpu()) && u.milliCpu() <= 0.60 * r.milliCpu(),
          s.toString());
      assertTrue(
          u.memoryMib() >= (long) (0.20 * r.memoryMib()) && u.memoryMib() <= 0.70 * r.memoryMib(),
          s.toString());
    }
  }

  @Test
  void meanUsageSharesMatchTheUniformRanges() {
    double cpu = 0;
    double mem = 0;
    List<Service> services = SyntheticFleet.of(100_000, SEED).services();
    for (Service s : services) {
      cpu += s.usage().milliCpu() / (double) s.request().milliCpu();
      mem += s.usage().memoryMib() / (double) s.request().memoryMib();
    }
    // Uniform(0.10, 0.60) has mean 0.35; uniform(0.20, 0.70) has mean 0.45 (per service).
    assertEquals(0.35, cpu / services.size(), 0.01);
    assertEquals(0.45, mem / services.size(), 0.01);
  }

  @Test
  void requestTiersAreMostlySmall() {
    List<Service> services = SyntheticFleet.of(100_000, SEED).services();
    int smallest = 0;
    int largest = 0;
    for (Service s : services) {
      smallest += s.request().milliCpu() == 250 ? 1 : 0;
      largest += s.request().milliCpu() == 4_000 ? 1 : 0;
    }
    // Tier probabilities .35 (250m) and .05 (4 cores), from the default scenario.
    assertEquals(0.35, smallest / (double) services.size(), 0.02);
    assertEquals(0.05, largest / (double) services.size(), 0.01);
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void sameSeedSameFleetOtherSeedOtherFleet() {
    assertEquals(
        SyntheticFleet.of(20_000, SEED).services(), SyntheticFleet.of(20_000, SEED).services());
    assertNotEquals(
        SyntheticFleet.of(20_000, SEED).services(), SyntheticFleet.of(20_000, SEED + 1).services());
  }

  @Test
  void namesAreUniqueSoTheFleetIsAWorkload() {
    SyntheticFleet fleet = SyntheticFleet.of(30_000, SEED);
    assertEquals(fleet.services().size(), fleet.workload().services().size());
    assertEquals("svc-000001", fleet.services().get(0).name());
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void badSizesAreRejectedNamingTheValue() {
    for (int bad : new int[] {0, -5, SyntheticFleet.MAX_INSTANCES + 1}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SyntheticFleet.of(bad, SEED));
      assertTrue(
          e.getMessage().contains("totalInstances")
              && e.getMessage().contains(Integer.toString(bad)),
          e.getMessage());
    }
  }

  // ------------------------------------------------------------------ memory preflight

  @Test
  void estimateIsTheSumOfTheMeasuredCosts() {
    long pods = 1_000_000;
    long machines = 100_000;
    assertEquals(
        SyntheticFleet.BASE_HEAP_BYTES
            + pods * SyntheticFleet.KUSP_PEAK_BYTES_PER_POD
            + machines * SyntheticFleet.LESP_PEAK_BYTES_PER_MACHINE,
        SyntheticFleet.estimatedHeapBytes(pods, machines));
  }

  @Test
  void preflightRefusesAFleetThatDoesNotFitWithAMemoryMessage() {
    long oneGib = 1L << 30;
    // A million pods at >= 1 KB each cannot fit in 1 GiB whatever the measured constant.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SyntheticFleet.checkHeap(1_000_000, 100_000, oneGib));
    assertTrue(e.getMessage().contains("memory"), e.getMessage());
    assertTrue(e.getMessage().contains("1,000,000 pods"), e.getMessage());
    assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    assertTrue(e.getMessage().contains("1,024 MiB"), e.getMessage()); // the heap it had
  }

  @Test
  void preflightBoundaryIsTheEstimate() {
    long need = SyntheticFleet.estimatedHeapBytes(1_000, 100);
    SyntheticFleet.checkHeap(1_000, 100, need); // exactly enough: no exception
    assertThrows(
        IllegalArgumentException.class, () -> SyntheticFleet.checkHeap(1_000, 100, need - 1));
  }

  @Test
  void preflightAcceptsTheSmallSizeInThisJvm() {
    // 1,000 pods and 100 machines need a few tens of MB; the test JVM runs with -Xmx2g.
    SyntheticFleet.checkHeap(1_000, 100);
  }

  @Test
  void preflightRejectsNegativeCountsAndHeap() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticFleet.checkHeap(-1, 0, 1L << 30));
    assertThrows(IllegalArgumentException.class, () -> SyntheticFleet.checkHeap(0, -1, 1L << 30));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SyntheticFleet.checkHeap(0, 0, 0));
    assertTrue(e.getMessage().contains("maxHeapBytes"), e.getMessage());
  }

  @Test
  void toStringSummarises() {
    String s = SyntheticFleet.of(1_000, SEED).toString();
    assertTrue(s.startsWith("SyntheticFleet[1,000 instances in "), s);
    assertTrue(s.contains("seed 7"), s);
  }
}
