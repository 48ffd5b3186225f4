package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScenarioMemoryTest {

  /** 6 instances; LeSP pools ceil(4 × 1.5) + ceil(2 × 1.5) = 9 machines; 5 nodes × 2 DaemonSets. */
  private static final String SMALL =
      """
      name: small
      replications: 2
      services:
        - name: zebra
          instances: 4
          request: {cpu: 500m, memory: 1Gi}
          usage: {cpu: 100m, memory: 512Mi}
        - name: cheetah
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
      lesp:
        headroom: 0.5
      kusp:
        initialNodes: 5
        daemonSets: [{name: logs}, {name: metrics}]
      """;

  @Test
  void countsEveryPoolAndEveryPodOfOneReplication() {
    Scenario s = ScenarioFile.parse(SMALL, "small.yaml");
    assertEquals(6 + 5 * 2, ScenarioMemory.pods(s));
    assertEquals(6 + 3, ScenarioMemory.machines(s));
  }

  @Test
  void refusesExactlyWhenConcurrentReplicationsExceedTheHeapBySyntheticFleetsRule() {
    Scenario s = ScenarioFile.parse(SMALL, "small.yaml");
    // SyntheticFleet's rule: 64 MiB base + 4,000 B per KuSP pod + 5,000 B per LeSP machine; two
    // replications at once hold 2 × 16 pods and 2 × 9 machines.
    long need = 64L * 1024 * 1024 + 2 * 16 * 4_000 + 2 * 9 * 5_000;
    ScenarioMemory.check(s, 2, need);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ScenarioMemory.check(s, 2, need - 1));
    assertTrue(
        e.getMessage()
            .startsWith(
                "scenario 'small' (2 replications at once): not enough memory: 32 pods and 18 machines"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ScenarioMemory.check(s, 0, need));
  }

  @Test
  void aMillionInstancesAreRefusedAt256MiBBeforeAnythingIsBuilt() {
    Scenario big =
        ScenarioFile.parse(
            """
            name: big
            replications: 1
            services:
              - name: huge
                instances: 1000000
                request: {cpu: 100m, memory: 128Mi}
                usage: {cpu: 50m, memory: 64Mi}
            kusp:
              initialNodes: 1
              daemonSets: []
            """,
            "big.yaml");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScenarioMemory.check(big, 1, 256L * 1024 * 1024));
    // 64 MiB + 10^6 × 4,000 B + 10^6 × 5,000 B = 9,067,108,864 B = 8,647 MiB (rounded down).
    assertEquals(
        "scenario 'big' (1 replication at once): not enough memory: 1,000,000 pods and 1,000,000"
            + " machines need an estimated 8,647 MiB of heap (4,000 B per pod, 5,000 B per machine,"
            + " 64 MiB base) but the maximum heap is 256 MiB; run with -Xmx8648m or more, or"
            + " simulate a smaller fleet",
        e.getMessage());
  }
}
