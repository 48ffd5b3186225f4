package io.platformsim.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.MachineState;
import org.junit.jupiter.api.Test;

/**
 * Each group of {@code lesp} fields moves the figure it should, on scenarios small enough to derive
 * the expected value by hand. Durations are fixed where the expectation depends on them.
 */
class LespSectionEffectTest {

  /** One service of {@code instances} instances of 1 core / 1 GiB, using 250m each at load 1. */
  private static String service(int instances) {
    return """
        name: effect
        replications: 2
        horizon: 2h
        services:
          - name: web
            instances: %d
            request: {cpu: 1, memory: 1Gi}
            usage: {cpu: 250m, memory: 512Mi}
        """
        .formatted(instances);
  }

  private static Scenario parse(String yaml) {
    return ScenarioFile.parse(yaml, "effect.yaml");
  }

  private static double lespFigure(String yaml, Figure f) {
    return Comparison.run(parse(yaml)).lesp().mean(f);
  }

  /** A LeSP platform on the file's configuration with its services deployed. */
  private static LespPlatform deployed(Scenario s, Simulation sim, long seed) {
    LespPlatform p = new LespPlatform(sim, RandomStreams.of(seed, 0), s.lesp());
    s.workload().services().forEach(p::deploy);
    return p;
  }

  @Test
  void deployStepsSetTheInPlaceDeployTime() {
    // One service of 1 instance (pool of 1, in service long before 30 min: converge 1 min),
    // rolling 1: the app rollout is one in-place deploy of
    // drain + fetch (artifact 100 MB ÷ bandwidth) + extract + startup 10 s + health check 5 s
    // (Service defaults), all fixed.
    String yaml =
        service(1)
            + """
            lesp:
              strategy: rolling 1
              configManagement: {converge: 1m, failure: 0}
              deploySteps: {drain: %s, extract: 2s, fetchBandwidth: %s}
            timeline:
              - at: 30m
                release: {service: web, version: "2"}
            """;
    // 30 s + 100 MB / 100 MB/s = 1 s + 2 s + 15 s = 48 s
    assertEquals(48, lespFigure(yaml.formatted("30s", "100MB"), Figure.APP_ROLLOUT_MAX), 1e-9);
    // 5 s + 100 MB / 10 MB/s = 10 s + 2 s + 15 s = 32 s
    assertEquals(32, lespFigure(yaml.formatted("5s", "10MB"), Figure.APP_ROLLOUT_MAX), 1e-9);
  }

  @Test
  void theBaseImageIsWhatMachinesBootAndAUniformBakeStaysInItsBounds() {
    Scenario s =
        parse(
            service(2)
                + """
                lesp:
                  baseImage: {name: ubuntu, version: '24.04'}
                  bake: {min: 8m, max: 10m}
                  imageBatch: 2
                timeline:
                  - at: 10m
                    baseImage: {version: '24.10'}
                """);
    Simulation sim = new Simulation();
    LespPlatform p = deployed(s, sim, 1);
    sim.runUntil(60_000);
    assertTrue(
        p.machines("web").stream().allMatch(m -> m.image().toString().equals("ubuntu:24.04")),
        p.machines("web").toString());
    // The base-image rollout is the bake (uniform 8-10 min) plus one batch of 2 new machines:
    // at least 8 min, and the bake alone is never above 10 min.
    double image = Comparison.run(s).lesp().mean(Figure.IMAGE_ROLLOUT_MAX);
    assertTrue(image >= 480, "image rollout " + image);
    double noBake =
        Comparison.run(
                parse(
                    service(2)
                        + """
                        lesp: {bake: 0s, imageBatch: 2}
                        timeline:
                          - at: 10m
                            baseImage: {version: '24.10'}
                        """))
            .lesp()
            .mean(Figure.IMAGE_ROLLOUT_MAX);
    assertTrue(image - noBake >= 480 && image - noBake <= 600, image + " vs " + noBake);
  }

  @Test
  void aCheaperMenuLowersCostPerHourByThePriceRatio() {
    // One type on the menu, so both pool machines run on it; pending 0 s, so both are billed
    // (from BOOTING) for the whole horizon: cost per hour = 2 machines x price.
    String base = service(2) + "lesp:\n  pending: 0s\n  menu: [{name: only, cpu: 2, memory: 4Gi,";
    double dear = lespFigure(base + " price: 0.40}]\n", Figure.COST_PER_HOUR);
    double cheap = lespFigure(base + " price: 0.10}]\n", Figure.COST_PER_HOUR);
    assertEquals(0.80, dear, 1e-9);
    assertEquals(0.20, cheap, 1e-9);
  }

  @Test
  void aLongerBootLengthensTheBaseImageRollout() {
    String yaml =
        service(2)
            + """
            lesp:
              pending: 0s
              boot: %s
              bake: 1m
              imageBatch: 1
              configManagement: {converge: 1m, failure: 0}
            timeline:
              - at: 10m
                baseImage: {version: "2"}
            """;
    double fast = lespFigure(yaml.formatted("30s"), Figure.IMAGE_ROLLOUT_MAX);
    double slow = lespFigure(yaml.formatted("5m"), Figure.IMAGE_ROLLOUT_MAX);
    // Batches of 1 machine of a pool of 2: two batches one after the other, each waiting for one
    // new machine's boot, so 2 x (300 s - 30 s) longer.
    assertEquals(540, slow - fast, 1e-6);
  }

  @Test
  void aLognormalBootMedianIsWhatTheFileSays() {
    // Boot {median: 40s, p99: 2m}: half of many boots are shorter than 40 s.
    String yaml = service(200) + "lesp:\n  boot: {median: 40s, p99: 2m}\n";
    Scenario s = parse(yaml);
    var sampler = s.lesp().boot().sampler(RandomStreams.of(1, 0).stream("lesp.boot"));
    int below = 0;
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      below += sampler.next() < 40_000 ? 1 : 0;
    }
    // Binomial(10 000, 0.5): sd 50, so 4 sd either side.
    assertTrue(Math.abs(below - n / 2) < 200, "below the median: " + below);
  }

  @Test
  void bootFailuresRaiseTheMachinesLaunched() {
    String base = service(40) + "lesp:\n  pending: 0s\n  boot: 30s\n";
    int[] launched = new int[2];
    String[] settings = {"bootFailure: 0", "bootFailure: 0.5"};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform p = deployed(parse(base + "  " + settings[i] + "\n"), sim, 11);
      sim.runUntil(7_200_000);
      launched[i] = p.allMachines().size();
      assertEquals(40, p.count(MachineState.IN_SERVICE), settings[i]);
    }
    assertEquals(40, launched[0]);
    // Each of the 40 machines needs a geometric number of launches, mean 1 / (1 - 0.5) = 2 and
    // variance 0.5 / 0.5^2 = 2: 80 in all, sd sqrt(80) ~ 9, so 3 sd either side.
    assertTrue(launched[1] > 53 && launched[1] < 107, "launched " + launched[1]);
  }

  @Test
  void parallelismSetsHowLongAFleetWideConvergeTakes() {
    String base =
        service(8)
            + "lesp:\n  pending: 0s\n  boot: 30s\n  configManagement: {converge: 2m, failure: 0,"
            + " parallelism: %d}\n";
    long[] took = new long[2];
    int[] parallelism = {2, 8};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform p = deployed(parse(base.formatted(parallelism[i])), sim, 3);
      sim.runUntil(1_800_000);
      p.convergeFleet("web");
      sim.runUntil(7_200_000);
      assertEquals(1, p.fleetConverges().size());
      assertEquals(parallelism[i], p.fleetConverges().get(0).parallelism());
      assertEquals(8, p.fleetConverges().get(0).machines());
      took[i] = p.fleetConverges().get(0).durationMillis();
    }
    // 8 machines, 2 minutes each: 8 / 2 = 4 waves of 2 minutes, or 1 wave.
    assertEquals(4 * 120_000, took[0]);
    assertEquals(120_000, took[1]);
  }

  @Test
  void periodicConvergeAddsConverges() {
    String base =
        service(2)
            + "lesp:\n  pending: 0s\n  boot: 30s\n  configManagement: {converge: 2m, failure: 0,"
            + " %s}\n";
    long[] converges = new long[2];
    String[] settings = {"periodic: false", "periodic: true, interval: 10m, splay: 0s"};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform p = deployed(parse(base.formatted(settings[i])), sim, 5);
      sim.runUntil(3_600_000);
      converges[i] = p.convergeDurations().count();
    }
    // Without periodic runs, only the first converge of each of the 2 machines.
    assertEquals(2, converges[0]);
    // With them: a machine is in service at about 3 min (30 s boot + 2 min converge + deploy),
    // then converges 10 min after each converge ends, each taking 2 min: ends at about 3 + 12k min,
    // so k = 1..4 fit in the hour. 2 + 2 machines x 4 = 10.
    assertEquals(10, converges[1]);
  }

  @Test
  void autoScalingGrowsThePoolUnderALoadSpike() {
    String yaml =
        service(2)
            + """
            lesp:
              pending: 0s
              boot: 30s
              %s
            timeline:
              - at: 30m
                load: {service: web, factor: 4, for: 20m}
            """;
    double fixed = lespFigure(yaml.formatted("replaceFailed: true"), Figure.PEAK_MACHINES);
    double scaled =
        lespFigure(
            yaml.formatted("autoScaling: {target: 0.5, min: 2, max: 10, cooldown: 0s}"),
            Figure.PEAK_MACHINES);
    assertEquals(2, fixed);
    // Demand at load 4: 2 instances x 250m x 4 = 2000m; at target 0.5 of a 1000m request that is
    // ceil(2000 / 500) = 4 machines (TargetTracking), within [2, 10].
    assertEquals(4, scaled);
  }

  @Test
  void aCanaryWatchLengthensTheAppRolloutByTheWatch() {
    String yaml =
        service(2)
            + """
            lesp:
              strategy: %s
            timeline:
              - at: 30m
                release: {service: web, version: "2"}
            """;
    double rolling = lespFigure(yaml.formatted("rolling 1"), Figure.APP_ROLLOUT_MAX);
    double canary =
        lespFigure(yaml.formatted("canary 1 watch 10m then rolling 1"), Figure.APP_ROLLOUT_MAX);
    // The same two one-machine batches in place, with a 10 min watch between them.
    assertEquals(600, canary - rolling, 1e-6);
  }

  @Test
  void agentsAndPinsChooseTheInstanceType() {
    Simulation sim = new Simulation();
    // web needs 1 core + the default agents' 0.2 core, 1 GiB + 400 MiB: c5.large (2 vCPU, 4 GiB,
    // $0.085/h) is the cheapest that holds it on the default AWS menu.
    assertEquals("c5.large", deployed(parse(service(2)), sim, 1).instanceType("web").name());
    // An agent reserving 1.5 cores: 2.5 cores per machine, c5.xlarge (4 vCPU, $0.17/h).
    String agents = service(2) + "lesp:\n  agents: {big: {cpu: 1500m}}\n";
    assertEquals("c5.xlarge", deployed(parse(agents), sim, 1).instanceType("web").name());
    String pinned = service(2) + "lesp:\n  pin: {web: r5.large}\n";
    assertEquals("r5.large", deployed(parse(pinned), sim, 1).instanceType("web").name());
  }

  @Test
  void aMeanTimeToCrashReplacesCrashedMachines() {
    String base = service(10) + "lesp:\n  pending: 0s\n  boot: 30s\n";
    int[] launched = new int[2];
    String[] settings = {"replaceFailed: true", "meanTimeToCrash: 30m"};
    for (int i = 0; i < 2; i++) {
      Simulation sim = new Simulation();
      LespPlatform p = deployed(parse(base + "  " + settings[i] + "\n"), sim, 13);
      sim.runUntil(7_200_000);
      launched[i] = p.allMachines().size();
    }
    assertEquals(10, launched[0]);
    // 10 machines crashing at a mean of once per 30 min for about 2 h: about 40 replacements
    // (Poisson, sd about 6); well above none.
    assertTrue(launched[1] > 10 + 20 && launched[1] < 10 + 60, "launched " + launched[1]);
  }
}
