package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.kusp.PodAutoscaling;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.ImageLayer;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The built-in scenario {@code platformsim compare} runs without a file: the zebra (JVM) and
 * cheetah (Ruby + Nginx) services plus a generated fleet of 58 services with a heavy-tailed size
 * mix, a release of every service, a base-image change of every service, a load spike and a machine
 * failure, over 8 simulated hours. Where each number comes from (calibration ids refer to {@code
 * reference/calibration.md}; "assumption" marks a number no source gives):
 *
 * <ul>
 *   <li><b>Requests above usage.</b> Fleet CPU usage is uniform in 10–60% of the request and memory
 *       usage in 20–70%: Datadog 2023 (U3) finds more than 65% of workloads use under half their
 *       requested CPU and memory; CAST AI 2024 (U2) measures 40% of requested CPU and 57% of
 *       requested memory unused; Twitter reservations ≈80% vs usage &lt;20% (P4).
 *   <li><b>Heavy-tailed sizes.</b> Instances per service are Pareto with shape 1.1 from 2, capped
 *       at 40; request sizes are powers of two from 250m/512Mi to 4 cores/8Gi, small ones most
 *       likely, with memory halved or doubled for a quarter of services each. Google's 2019 trace
 *       (U4): the top 1% of jobs use over 99% of resources; our tail is far milder so the default
 *       stays small enough to run in seconds.
 *   <li><b>Release of every service</b>, one every 2 minutes from 1 h (Airbnb ≈500 deploys a day
 *       over ≈250 services, M4: a deploy every ~3 minutes).
 *   <li><b>Base-image change</b> of every service, one a minute from 4 h (an OS patch): LeSP bakes
 *       (S5, 8–10 min) and replaces machines, which boot (S4) and converge (S6); KuSP pulls the new
 *       base layers (S1).
 *   <li><b>Load spike</b>: cheetah at 3× for 30 minutes from 3 h 15 (assumption: a marketing push).
 *       cheetah autoscales on both platforms, at the same target and upper bound ({@link
 *       #CHEETAH_TARGET}): KuSP a HorizontalPodAutoscaler ({@link #cheetahHpa()}), LeSP target
 *       tracking of its pool ({@link #cheetahAutoScaling()}); so the spike shows in machines and
 *       cost and the time to scale out is measured in the same run. The other services keep a fixed
 *       size.
 *   <li><b>Machine failure</b>: one machine (node) serving zebra crashes at 3 h 30.
 *   <li><b>Platforms.</b> LeSP: {@link LespConfig} defaults (its setters cite S4–S6 and Borg §5.4
 *       for the instance menu) with 20% pool headroom (assumption: legacy pools are sized to peak
 *       plus headroom, DESIGN.md). KuSP: {@link KuspConfig} defaults (upstream v1.31, cited there)
 *       on m5.2xlarge 8-core/32 GiB nodes ({@link #NODE}), sized by {@link Scenario#sized} with the
 *       cluster autoscaler on.
 *   <li>JVM start 45 s and Ruby start 20 s before health checks (assumption); pull bandwidth and
 *       image sizes: a 30 MB slim OS base layer, 60 MB JRE, 50 MB Ruby, 10 MB Nginx.
 * </ul>
 *
 * The fleet is generated from its own fixed seed (not the run's seed), so the workload is the same
 * in every run and every replication; replications vary the platforms' own randomness.
 */
public final class DefaultScenario {

  /** Seed of the fleet generator; fixed so the default workload never changes. */
  public static final long FLEET_SEED = 20_231_024L;

  /** Services in the generated fleet (zebra and cheetah come on top). */
  public static final int FLEET_SIZE = 58;

  private static final long MB = 1_000_000L;
  private static final ImageLayer BASE_OS = new ImageLayer("sha256:debian-12-slim", 30 * MB);
  private static final ImageLayer JRE = new ImageLayer("sha256:temurin-21-jre", 60 * MB);
  private static final ImageLayer RUBY = new ImageLayer("sha256:ruby-3.3", 50 * MB);
  private static final ImageLayer NGINX = new ImageLayer("sha256:nginx-1.27", 10 * MB);
  private static final ImageLayer PYTHON = new ImageLayer("sha256:python-3.12", 45 * MB);

  // Request tiers (milli-CPU, MiB) with their probabilities: many small, few large.
  private static final long[][] TIERS = {
    {250, 512}, {500, 1024}, {1000, 2048}, {2000, 4096}, {4000, 8192}
  };
  private static final double[] TIER_WEIGHTS = {0.35, 0.30, 0.20, 0.10, 0.05};

  /**
   * KuSP's node type: m5.2xlarge, 8 vCPU / 32 GiB, $0.384 per hour on demand in us-east-1 (the same
   * price list as {@code InstanceMenu.AWS_DEFAULT}), 100 GB image disk, 110 pods.
   */
  public static final NodeType NODE =
      new NodeType(
          "m5.2xlarge",
          Resources.ofCores(8, 32),
          100_000_000_000L,
          0.384,
          NodeType.DEFAULT_MAX_PODS);

  /**
   * cheetah's autoscaling target, 60% CPU of requests on both platforms (assumption: a common
   * choice below the HPA's 80% default, k/k {@code pkg/apis/autoscaling/v2/defaults.go}, leaving
   * room for the time a scale-out takes).
   */
  public static final double CHEETAH_TARGET = 0.6;

  /** Largest cheetah size either autoscaler may reach: three times its 36 instances. */
  private static final int CHEETAH_MAX = 3 * 36;

  private DefaultScenario() {}

  /** cheetah's HPA: between its 36 instances and three times that, at {@link #CHEETAH_TARGET}. */
  public static PodAutoscaling cheetahHpa() {
    return PodAutoscaling.cpu(36, CHEETAH_MAX, (int) Math.round(100 * CHEETAH_TARGET));
  }

  /**
   * cheetah's LeSP pool target tracking: the same target and upper bound as {@link #cheetahHpa()},
   * with the EC2 Auto Scaling defaults of {@link AutoScaling#targetTracking}; the lower bound is
   * the pool as provisioned, its 36 instances plus the 20% headroom, {@code ceil(36 × 1.2)} = 44
   * machines (an Auto Scaling group's minimum is the capacity the team provisioned; a minimum of 36
   * would let target tracking remove the headroom at nominal load, which the HPA has no counterpart
   * of).
   */
  public static AutoScaling cheetahAutoScaling() {
    return AutoScaling.targetTracking(CHEETAH_TARGET, 44, CHEETAH_MAX);
  }

  /** The default scenario with 8 replications and seed 42. */
  public static Scenario build() {
    return builder().build();
  }

  /** A builder holding the default scenario, to change before building (e.g. the seed). */
  public static Scenario.Builder builder() {
    List<Service> services = new ArrayList<>();
    services.add(zebra());
    services.add(cheetah());
    services.addAll(fleet(FLEET_SIZE, FLEET_SEED));
    Scenario.Builder b =
        Scenario.builder("default")
            .services(services)
            // One certificate authority with the same capacity on both sides: 25 certificates per
            // second, Google CAS DevOps tier's per-CA quota (see KuspIdentity): LeSP asks it once
            // per
            // machine, KuSP once per pod.
            .lesp(
                LespConfig.builder()
                    .headroom(0.2)
                    .autoScaling("cheetah", cheetahAutoScaling())
                    .identity(
                        LespIdentity.DEFAULT.withAuthorityCapacity(
                            KuspIdentity.MANAGED_AUTHORITY_CAPACITY))
                    .build())
            .kusp(
                Scenario.sized(
                    KuspConfig.builder()
                        .nodeType(NODE)
                        .zones("a", "b", "c")
                        .identity(KuspIdentity.DEFAULT)
                        .build(),
                    Workload.of(services)))
            .deployment("cheetah", DeploymentSpec.DEFAULT.withAutoscaling(cheetahHpa()))
            .horizon(Duration.ofHours(8))
            .sampleEvery(Duration.ofMinutes(3))
            // 8 replications: intervals about half as wide as with 4 (t 2.365 / sqrt 8 vs t 3.182 /
            // sqrt 4),
            // and the whole run still takes about 2 s on 2 cores.
            .replications(8)
            .seed(42);
    for (int i = 0; i < services.size(); i++) {
      b.release(Duration.ofHours(1).plusMinutes(2L * i), services.get(i).name(), "2");
    }
    b.loadSpike(Duration.ofMinutes(195), Duration.ofMinutes(30), "cheetah", 3.0);
    b.machineFailure(Duration.ofMinutes(210), "zebra", 1);
    // The base-image change goes out service by service, one a minute from 4 h (an OS patch).
    for (int i = 0; i < services.size(); i++) {
      b.release(
          Duration.ofHours(4).plusMinutes(i),
          Release.baseImage(services.get(i).name(), "debian-12.8"));
    }
    return b;
  }

  /** zebra: a JVM service; memory-heavy, CPU-light at nominal load. */
  public static Service zebra() {
    return Service.builder("zebra")
        .instances(24)
        .request(Resources.of(2000, 4096))
        .usage(Resources.of(500, 3000))
        .artifactBytes(150 * MB)
        .startup(Duration.ofSeconds(45))
        .healthCheck(Duration.ofSeconds(15))
        .image(
            ImageDescription.of(
                "zebra:1", BASE_OS, JRE, new ImageLayer("sha256:zebra-app-1", 150 * MB)))
        .build();
  }

  /** cheetah: Ruby behind Nginx; many small instances. */
  public static Service cheetah() {
    return Service.builder("cheetah")
        .instances(36)
        .request(Resources.of(1000, 2048))
        .usage(Resources.of(250, 900))
        .artifactBytes(80 * MB)
        .startup(Duration.ofSeconds(20))
        .healthCheck(Duration.ofSeconds(10))
        .image(
            ImageDescription.of(
                "cheetah:1", BASE_OS, RUBY, NGINX, new ImageLayer("sha256:cheetah-app-1", 80 * MB)))
        .build();
  }

  /**
   * {@code count} generated services {@code svc-01 ...} drawn from {@code seed} (see the type's
   * Javadoc for the distributions). Same seed, same fleet.
   */
  public static List<Service> fleet(int count, long seed) {
    if (count < 0 || count > 10_000) {
      throw new IllegalArgumentException("fleet count must be in [0, 10000], was " + count);
    }
    RandomGenerator rng = new Well19937c(seed);
    List<Service> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String name = String.format(Locale.ROOT, "svc-%02d", i);
      // Pareto(x_min 2, shape 1.1) by inversion: x = x_min / U^(1/shape).
      double u = 1 - rng.nextDouble();
      int instances = (int) Math.min(40, Math.floor(2 / Math.pow(u, 1 / 1.1)));
      long[] tier = TIERS[pick(rng.nextDouble())];
      double cpuShare = 0.10 + 0.50 * rng.nextDouble();
      double memShare = 0.20 + 0.50 * rng.nextDouble();
      int runtime = rng.nextInt(3);
      ImageLayer lang = runtime == 0 ? JRE : runtime == 1 ? RUBY : PYTHON;
      long artifact = (20 + rng.nextInt(181)) * MB;
      long startupSeconds = runtime == 0 ? 30 + rng.nextInt(31) : 5 + rng.nextInt(16);
      // Memory per core varies: a quarter of services are CPU-heavy (1 GiB per core), a quarter
      // memory-heavy (4 GiB per core), the rest 2 GiB per core (assumption; the c5/m5/r5 ratios).
      double shape = rng.nextDouble();
      long memory = shape < 0.25 ? tier[1] / 2 : shape < 0.75 ? tier[1] : tier[1] * 2;
      out.add(
          Service.builder(name)
              .instances(instances)
              .request(Resources.of(tier[0], memory))
              .usage(Resources.of(Math.round(tier[0] * cpuShare), Math.round(memory * memShare)))
              .artifactBytes(artifact)
              .startup(Duration.ofSeconds(startupSeconds))
              .healthCheck(Duration.ofSeconds(10))
              .image(
                  ImageDescription.of(
                      name + ":1",
                      BASE_OS,
                      lang,
                      new ImageLayer("sha256:" + name + "-app-1", artifact)))
              .build());
    }
    return out;
  }

  private static int pick(double u) {
    double acc = 0;
    for (int i = 0; i < TIER_WEIGHTS.length; i++) {
      acc += TIER_WEIGHTS[i];
      if (u < acc) {
        return i;
      }
    }
    return TIER_WEIGHTS.length - 1;
  }
}
