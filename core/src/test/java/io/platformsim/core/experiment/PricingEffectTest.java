package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.KuspMetrics;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.NodeState;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.MachineState;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.Spend;
import org.junit.jupiter.api.Test;

/**
 * The {@code pricing} section moves the figures it should, on scenarios small enough to derive them
 * by hand: the spot price scales spot spend, the commitment is billed used or not, and spot
 * interruptions happen at their rate and are recovered from on both platforms.
 */
class PricingEffectTest {

  /** Two 1-core instances; LeSP on one $0.40/h type with no headroom, booting at once. */
  private static final String SMALL =
      """
      name: pricing
      replications: 1
      horizon: 2h
      services:
        - name: web
          instances: 2
          request: {cpu: 1, memory: 1Gi}
          usage: {cpu: 250m, memory: 512Mi}
      lesp:
        pending: 0s
        headroom: 0
        menu: [{name: only, cpu: 2, memory: 4Gi, price: 0.40}]
      """;

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse(yaml, "pricing.yaml");
  }

  @Test
  void allSpotWithoutInterruptionsCostsThePriceFractionOfOnDemandExactly() {
    // Rate 0 draws nothing, so both runs launch, boot and scale the same machines and nodes; every
    // one is spot, billed at 30% of its on-demand price.
    ComparisonResult onDemand = Comparison.run(parse(SMALL));
    ComparisonResult spot =
        Comparison.run(parse(SMALL + "pricing:\n  spot: {share: 100%, price: 30%}\n"));
    for (String p : new String[] {"lesp", "kusp"}) {
      double full = onDemand.platform(p).mean(Figure.COST_PER_HOUR);
      assertTrue(full > 0, p);
      assertEquals(0.3 * full, spot.platform(p).mean(Figure.COST_PER_HOUR), 1e-9 * full, p);
      assertEquals(0.3 * full, spot.platform(p).mean(Figure.COST_SPOT_PER_HOUR), 1e-9 * full, p);
      assertEquals(0, spot.platform(p).mean(Figure.COST_ON_DEMAND_PER_HOUR), 1e-12, p);
      assertEquals(0, spot.platform(p).mean(Figure.SPOT_INTERRUPTIONS), 0, p);
      // never observed, never printed: the all-on-demand run reports no per-kind figure
      assertTrue(onDemand.platform(p).estimate(Figure.COST_SPOT_PER_HOUR).isEmpty(), p);
      assertTrue(onDemand.platform(p).estimate(Figure.SPOT_INTERRUPTIONS).isEmpty(), p);
      assertTrue(spot.platform(p).estimate(Figure.COST_RESERVED_PER_HOUR).isEmpty(), p);
    }
    assertFalse(ComparisonReport.table(onDemand).contains("spot"));
    assertTrue(ComparisonReport.table(spot).contains("cost per hour, spot"));
    assertTrue(ComparisonReport.summaryCsv(spot).contains("costSpotPerHour,USD,LeSP"));
  }

  @Test
  void theCommitmentIsBilledForTheWholeRunEvenAfterTheMachinesAreGone() {
    // LeSP: 2 machines × $0.40/h requested at 0, so the commitment covers 50% × $0.80/h = $0.40/h
    // and costs $0.40 × (1 − 40%) = $0.24 every hour. Both machines crash at 1 h and are not
    // replaced: on-demand is $0.80 − $0.40 for the first hour, nothing in the second.
    Scenario s =
        parse(
            SMALL.replace("headroom: 0", "headroom: 0\n  replaceFailed: false")
                + "pricing:\n  reserved: {share: 50%, discount: 40%}\n");
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(3, 0), s.lesp(), s.pricing());
    s.workload().services().forEach(lesp::deploy);
    sim.scheduleAt(3_600_000, () -> lesp.inject(Failure.machineCrash("web", 2)));
    sim.runUntil(7_200_000);
    assertEquals(0, lesp.count(MachineState.IN_SERVICE));
    Spend spend = lesp.metrics().spend();
    assertEquals(0.48, spend.reservedUsd(), 1e-9);
    assertEquals(0.40, spend.onDemandUsd(), 1e-9);
    assertEquals(0.88, lesp.metrics().costUsd(), 1e-9);
    // Through the comparison, per hour; KuSP's commitment covers half the nodes it starts with,
    // at 60% of their price, and the kinds add up to the total.
    ComparisonResult r = Comparison.run(s);
    assertEquals(0.24, r.lesp().mean(Figure.COST_RESERVED_PER_HOUR), 1e-9);
    assertEquals(0.40, r.lesp().mean(Figure.COST_ON_DEMAND_PER_HOUR), 1e-9);
    double nodes = s.kusp().initialNodes() * s.kusp().nodeType().hourlyPriceUsd();
    PlatformResult kusp = r.kusp();
    assertEquals(0.5 * nodes * 0.6, kusp.mean(Figure.COST_RESERVED_PER_HOUR), 1e-9);
    assertEquals(
        kusp.mean(Figure.COST_PER_HOUR),
        kusp.mean(Figure.COST_RESERVED_PER_HOUR) + kusp.mean(Figure.COST_ON_DEMAND_PER_HOUR),
        1e-9);
  }

  /**
   * LeSP, every machine spot, interrupted once an hour on average while in service (730 per month
   * of 730 h). Interruptions of in-service machines are a Poisson count over the in-service
   * machine-hours (memoryless draws restarted at each entry into service), so the count lies within
   * 5 standard deviations (√ of its mean) of rate × in-service hours. Each interrupted machine is
   * replaced as a failed one is, so recoveries follow.
   */
  @Test
  void leSpInterruptionsComeAtTheirRateAndAreRecovered() {
    Scenario s =
        parse(
            SMALL.replace("instances: 2", "instances: 40")
                + "pricing:\n  spot: {share: 100%, price: 30%, interruptionsPerMonth: 730}\n");
    Simulation sim = new Simulation();
    LespPlatform lesp = new LespPlatform(sim, RandomStreams.of(11, 0), s.lesp(), s.pricing());
    s.workload().services().forEach(lesp::deploy);
    long horizon = 4 * 3_600_000L;
    sim.runUntil(horizon);
    PlatformMetrics m = lesp.metrics();
    double exposureHours = lesp.averageMachines(MachineState.IN_SERVICE) * 4;
    double expected = 1.0 * exposureHours; // 1 per machine-hour
    int n = m.spotInterruptions();
    assertTrue(Math.abs(n - expected) <= 5 * Math.sqrt(expected), n + " vs " + expected);
    assertTrue(expected > 100, "enough exposure for the bound to mean something: " + expected);
    // every machine interrupted before the last few minutes is back in service
    assertTrue(m.failuresRecovered() >= n - 10, m.failuresRecovered() + " of " + n);
    assertTrue(m.spend().spotUsd() > 0 && m.spend().onDemandUsd() == 0);
  }

  /**
   * KuSP, 20 spot nodes and no autoscaler, interrupted once an hour on average from joining. A node
   * is exposed while Ready until its notice; the last 2 minutes Ready after a notice (drain, then
   * reclaim) are not exposure. So the count is Poisson with mean rate × (Ready node-hours − notices
   * × 2 min), and each reclaimed node is replaced: the cluster keeps its 20 nodes.
   */
  @Test
  void kuSpInterruptionsComeAtTheirRateAndNodesAreReplaced() {
    double hours = 4;
    KuspPlatform k = kuspRun(Pricing.ON_DEMAND.withSpot(1, 0.3, 730), hours);
    KuspMetrics km = k.kuspMetrics();
    int n = km.platform().spotInterruptions();
    double ready = km.nodesAverage().get(NodeState.READY) * hours;
    double expected = ready - n * 2.0 / 60;
    assertTrue(Math.abs(n - expected) <= 5 * Math.sqrt(expected), n + " vs " + expected);
    assertTrue(expected > 50, "enough exposure: " + expected);
    int gone = km.nodesNow().get(NodeState.GONE);
    assertTrue(gone <= n && gone >= n - 5, gone + " reclaimed of " + n + " interrupted");
    // each reclaimed node's replacement was requested at once: 20 nodes not gone, or more while
    // an interrupted one waits out its notice
    int notGone = k.nodes().size() - gone;
    assertTrue(notGone >= 20 && notGone <= 20 + (n - gone), notGone + " nodes");
    assertEquals(2, k.available("web"), "the service's pods were rescheduled");
    // the drained pods were started again elsewhere: more pod start-ups than without interruptions
    KuspPlatform calm = kuspRun(Pricing.ON_DEMAND.withSpot(1, 0.3, 0), hours);
    assertEquals(0, calm.metrics().spotInterruptions());
    assertTrue(
        k.startups().size() > calm.startups().size(),
        k.startups().size() + " vs " + calm.startups().size());
  }

  /** 20 nodes, no autoscaler, the small scenario's service, run for {@code hours}. */
  private static KuspPlatform kuspRun(Pricing pricing, double hours) {
    Scenario s = parse(SMALL);
    KuspPlatform k =
        new KuspPlatform(
            new Simulation(),
            RandomStreams.of(11, 0),
            s.kusp().withInitialNodes(20).withClusterAutoscaling(null),
            pricing);
    s.workload().services().forEach(k::deploy);
    k.simulation().runUntil((long) (hours * 3_600_000));
    return k;
  }
}
