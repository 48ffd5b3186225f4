package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.Node;
import io.platformsim.core.kusp.Pod;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.Machine;
import io.platformsim.core.lesp.MachineState;
import io.platformsim.core.platform.CommonStreams;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Common random numbers: a replication's LeSP and KuSP, each made from its own {@code
 * RandomStreams.of(seed, replication)} as {@link Comparison} makes them, see an injected crash hit
 * the same instance ranks at the same time; a platform's own streams do not move the shared draws.
 */
class CommonRandomNumbersTest {

  private static final long AT = 2 * 3_600_000L; // everything long in service by then

  /** Six instances, each too big to share a 4-CPU node with another: one pod per node on KuSP. */
  private static Service service() {
    return Service.builder("zebra")
        .instances(6)
        .request(Resources.of(3000, 4096))
        .usage(Resources.of(1000, 2048))
        .build();
  }

  /** The ranks both platforms must hit, drawn from a third, independent copy of the streams. */
  private static List<Integer> expectedRanks(long seed, int replication, int count) {
    return new CommonStreams(RandomStreams.of(seed, replication)::stream).victimRanks(6, count);
  }

  /** Ranks (in launch order) of the LeSP machines the crash at {@code AT} hit. */
  private static List<Integer> lespVictims(LespConfig config, long seed, int rep, int count) {
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(seed, rep), config);
    lesp.deploy(service());
    List<Machine> serving = new ArrayList<>();
    sim.scheduleAt(
        AT,
        () -> {
          for (Machine m : lesp.machines("zebra")) {
            if (m.state() == MachineState.IN_SERVICE) {
              serving.add(m);
            }
          }
          lesp.inject(Failure.machineCrash("zebra", count));
        });
    sim.runUntil(AT);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < serving.size(); i++) {
      Machine m = serving.get(i);
      if (m.state() == MachineState.TERMINATED) {
        assertEquals(AT, m.sinceMillis(), "crashed at the injection time");
        out.add(i);
      }
    }
    return out;
  }

  /** Ranks (in pod creation order) of the KuSP pods whose nodes the crash at {@code AT} hit. */
  private static List<Integer> kuspVictims(long seed, int rep, int count) {
    Simulation sim = new Simulation();
    KuspPlatform kusp =
        new KuspPlatform(
            sim, RandomStreams.of(seed, rep), KuspConfig.builder().initialNodes(7).build());
    kusp.deploy(service());
    List<Pod> serving = new ArrayList<>();
    sim.scheduleAt(
        AT,
        () -> {
          serving.addAll(kusp.pods("zebra"));
          kusp.inject(Failure.machineCrash("zebra", count));
        });
    sim.runUntil(AT);
    assertEquals(6, serving.size());
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < serving.size(); i++) {
      String nodeName = serving.get(i).nodeName();
      Node node = kusp.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst().get();
      if (node.crashedAt() >= 0) {
        assertEquals(AT, node.crashedAt(), "crashed at the injection time");
        out.add(i);
      }
    }
    return out;
  }

  private static List<Integer> sorted(List<Integer> l) {
    List<Integer> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42})
  void lespAndKuspHitTheSameInstanceRanksAtTheSameTime(long seed) {
    for (int count = 1; count <= 2; count++) {
      List<Integer> expected = sorted(expectedRanks(seed, 0, count));
      // all six instances serve on both, one per host, so rank r is the r-th instance itself
      assertEquals(expected, lespVictims(LespConfig.builder().build(), seed, 0, count));
      assertEquals(expected, kuspVictims(seed, 0, count));
    }
  }

  @Test
  void otherReplicationsHitOtherRanks() {
    // the 6 × 5 = 30 ordered pairs of ranks: 8 replications all drawing one pair has chance 30^-7
    List<List<Integer>> pairs = new ArrayList<>();
    for (int rep = 0; rep < 8; rep++) {
      pairs.add(expectedRanks(7, rep, 2));
    }
    assertNotEquals(1, pairs.stream().distinct().count());
  }

  @Test
  void aPlatformsOwnStreamsDoNotMoveTheSharedDraws() {
    // boot times of minutes instead of seconds, and a fixed pending time: other "lesp.*" draws
    LespConfig slowBoot =
        LespConfig.builder()
            .boot(DurationDistribution.logNormal(300_000, 900_000))
            .pending(DurationDistribution.fixed(60_000))
            .build();
    for (long seed = 1; seed <= 3; seed++) {
      List<Integer> expected = sorted(expectedRanks(seed, 0, 2));
      assertEquals(expected, lespVictims(slowBoot, seed, 0, 2));
      assertEquals(lespVictims(LespConfig.builder().build(), seed, 0, 2), expected);
    }
  }

  @Test
  void sameSeedSameReplicationBitForBit() {
    Scenario s =
        SmallScenario.builder().replications(1).horizon(java.time.Duration.ofHours(2)).build();
    for (String name : List.of("lesp", "kusp")) {
      PlatformFactory f = PlatformRegistry.standard().factory(name);
      var a = Comparison.runReplication(s, f, RandomStreams.of(s.seed(), 0), false);
      var b = Comparison.runReplication(s, f, RandomStreams.of(s.seed(), 0), false);
      assertEquals(a.figures(), b.figures(), name);
    }
  }
}
