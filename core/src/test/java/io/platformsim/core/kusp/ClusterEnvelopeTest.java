package io.platformsim.core.kusp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterEnvelopeTest {

  @Test
  void upstreamEnvelopeIsTheLargeClusterLimits() {
    // kubernetes.io, "Considerations for large clusters": no more than 5,000 nodes and no more
    // than 150,000 total pods per cluster.
    assertEquals(5_000, ClusterEnvelope.UPSTREAM.maxNodes());
    assertEquals(150_000, ClusterEnvelope.UPSTREAM.maxPods());
  }

  @Test
  void clustersAreTheLargerOfTheNodeAndPodCeilings() {
    ClusterEnvelope e = ClusterEnvelope.UPSTREAM;
    assertEquals(1, e.clustersFor(0, 0));
    assertEquals(1, e.clustersFor(5_000, 150_000));
    assertEquals(2, e.clustersFor(5_001, 0));
    // 15,560 nodes / 5,000 = 3.1 -> 4; 100,000 pods / 150,000 -> 1
    assertEquals(4, e.clustersFor(15_560, 100_000));
    // pods bind: 300,001 / 150,000 -> 3
    assertEquals(3, e.clustersFor(100, 300_001));
    assertEquals(7, new ClusterEnvelope(10, 1_000).clustersFor(61, 10));
  }

  @Test
  void badLimitsAndCountsNameTheField() {
    IllegalArgumentException nodes =
        assertThrows(IllegalArgumentException.class, () -> new ClusterEnvelope(0, 1));
    assertTrue(
        nodes.getMessage().contains("maxNodes") && nodes.getMessage().contains("0"),
        nodes.getMessage());
    IllegalArgumentException pods =
        assertThrows(IllegalArgumentException.class, () -> new ClusterEnvelope(1, -5));
    assertTrue(
        pods.getMessage().contains("maxPods") && pods.getMessage().contains("-5"),
        pods.getMessage());
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class, () -> ClusterEnvelope.UPSTREAM.clustersFor(-1, 0));
    assertTrue(
        count.getMessage().contains("nodes") && count.getMessage().contains("-1"),
        count.getMessage());
  }
}
