package io.platformsim.core.lesp;

import io.platformsim.core.engine.DurationDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that shapes a LeSP simulation, immutable. Build one with {@link #builder()}; every
 * setting has a default with its source in the setter's Javadoc.
 *
 * <pre>{@code
 * LespConfig c = LespConfig.builder()
 *     .pending(DurationDistribution.fixed(0)).boot(DurationDistribution.fixed(30_000))
 *     .configManagement(ConfigManagement.DEFAULT.withConverge(DurationDistribution.fixed(300_000)))
 *     .strategy(DeployStrategy.rolling(10)).build();
 * }</pre>
 *
 * @param menu instance types to choose from
 * @param agents per-machine agents
 * @param pinnedTypes service name → instance type name, overriding the cheapest fit
 * @param baseImage the base image machines boot from at the start
 * @param pending time a requested machine waits for a host
 * @param boot time to boot the OS
 * @param bootFailureProbability chance a boot fails, in [0, 1)
 * @param configManagement converge behaviour
 * @param deploySteps per-machine deploy steps
 * @param bake time to bake a new base image
 * @param strategy how app releases roll out
 * @param imageBatch batch size when a base-image change replaces machines
 * @param headroom extra machines as a fraction of the service's instances, &gt;= 0
 * @param replaceFailed whether a pool replaces failed machines
 * @param autoScaling target tracking, or empty for a fixed pool size
 * @param meanTimeToCrashMillis mean time to a crash of an in-service machine (exponential), or 0
 *     for no spontaneous crashes
 * @param identity addresses, certificates and roles of machines
 * @param zones availability zones; each pool spreads its machines over them round-robin (as an EC2
 *     Auto Scaling group balances its zones), or over the first {@code zoneSpread} of them when its
 *     service's placement asks for a spread above 1
 * @param serviceAutoScaling service name → target tracking of that service's pool, replacing {@code
 *     autoScaling} for it (one Auto Scaling group per pool, each with its own policy)
 * @param poolSizes service name → machines in its pool, replacing {@code ceil(instances × (1 +
 *     headroom))} for it (a pool sized as it is in a legacy inventory); empty by default
 */
public record LespConfig(
    InstanceMenu menu,
    MachineAgents agents,
    Map<String, String> pinnedTypes,
    BaseImage baseImage,
    DurationDistribution pending,
    DurationDistribution boot,
    double bootFailureProbability,
    ConfigManagement configManagement,
    DeploySteps deploySteps,
    DurationDistribution bake,
    DeployStrategy strategy,
    BatchSize imageBatch,
    double headroom,
    boolean replaceFailed,
    Optional<AutoScaling> autoScaling,
    long meanTimeToCrashMillis,
    LespIdentity identity,
    List<String> zones,
    Map<String, AutoScaling> serviceAutoScaling,
    Map<String, Integer> poolSizes) {

  /** Validates every field; messages name it. */
  public LespConfig {
    if (menu == null
        || agents == null
        || pinnedTypes == null
        || baseImage == null
        || pending == null
        || boot == null
        || configManagement == null
        || deploySteps == null
        || bake == null
        || strategy == null
        || imageBatch == null
        || autoScaling == null
        || identity == null) {
      throw new IllegalArgumentException("LeSP configuration fields must not be null");
    }
    if (zones == null
        || zones.isEmpty()
        || zones.stream().anyMatch(z -> z == null || z.isBlank())
        || zones.stream().distinct().count() != zones.size()) {
      throw new IllegalArgumentException(
          "zones must be a non-empty list of distinct non-blank names, was " + zones);
    }
    zones = List.copyOf(zones);
    if (!(bootFailureProbability >= 0 && bootFailureProbability < 1)) {
      throw new IllegalArgumentException(
          "bootFailureProbability must be in [0, 1), was " + bootFailureProbability);
    }
    if (!(headroom >= 0) || Double.isInfinite(headroom)) {
      throw new IllegalArgumentException("headroom must be finite and >= 0, was " + headroom);
    }
    if (meanTimeToCrashMillis < 0) {
      throw new IllegalArgumentException(
          "meanTimeToCrashMillis must be >= 0, was " + meanTimeToCrashMillis);
    }
    pinnedTypes = Map.copyOf(pinnedTypes);
    if (serviceAutoScaling == null
        || serviceAutoScaling.entrySet().stream()
            .anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
      throw new IllegalArgumentException(
          "serviceAutoScaling must map non-blank service names to policies, was "
              + serviceAutoScaling);
    }
    // Insertion order kept, so the configuration prints as it was written.
    serviceAutoScaling =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serviceAutoScaling));
    if (poolSizes == null
        || poolSizes.entrySet().stream()
            .anyMatch(e -> e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)) {
      throw new IllegalArgumentException(
          "poolSizes must map non-blank service names to machine counts, was " + poolSizes);
    }
    poolSizes.forEach(
        (service, n) -> {
          if (n < 1) {
            throw new IllegalArgumentException(
                "pool size of service '" + service + "' must be >= 1, was " + n);
          }
        });
    poolSizes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(poolSizes));
  }

  // The one copy every with* goes through: this record with the four components they vary.
  private LespConfig copy(
      Map<String, String> pins,
      double h,
      Optional<AutoScaling> a,
      List<String> z,
      Map<String, AutoScaling> perService) {
    return copy(pins, h, a, z, perService, poolSizes);
  }

  private LespConfig copy(
      Map<String, String> pins,
      double h,
      Optional<AutoScaling> a,
      List<String> z,
      Map<String, AutoScaling> perService,
      Map<String, Integer> pools) {
    return new LespConfig(
        menu,
        agents,
        pins,
        baseImage,
        pending,
        boot,
        bootFailureProbability,
        configManagement,
        deploySteps,
        bake,
        strategy,
        imageBatch,
        h,
        replaceFailed,
        a,
        meanTimeToCrashMillis,
        identity,
        z,
        perService,
        pools);
  }

  /** A copy with {@code h} as the pool headroom. */
  public LespConfig withHeadroom(double h) {
    return copy(pinnedTypes, h, autoScaling, zones, serviceAutoScaling);
  }

  /** A copy with machines spread over {@code z}. */
  public LespConfig withZones(List<String> z) {
    return copy(pinnedTypes, headroom, autoScaling, z, serviceAutoScaling);
  }

  /** A copy with {@code a} as the pools' auto-scaling ({@code null}: none). */
  public LespConfig withAutoScaling(AutoScaling a) {
    return copy(pinnedTypes, headroom, Optional.ofNullable(a), zones, serviceAutoScaling);
  }

  /**
   * A copy in which {@code service}'s pool scales by {@code a} ({@code null}: by {@link
   * #autoScaling()}, like every other pool).
   */
  public LespConfig withAutoScaling(String service, AutoScaling a) {
    Map<String, AutoScaling> m = new LinkedHashMap<>(serviceAutoScaling);
    if (a == null) {
      m.remove(service);
    } else {
      m.put(service, a);
    }
    return copy(pinnedTypes, headroom, autoScaling, zones, m);
  }

  /**
   * The auto-scaling of {@code service}'s pool: its own policy ({@link #serviceAutoScaling()}) if
   * it has one, else the policy of every pool ({@link #autoScaling()}), else none.
   */
  public Optional<AutoScaling> autoScalingOf(String service) {
    AutoScaling own = serviceAutoScaling.get(service);
    return own != null ? Optional.of(own) : autoScaling;
  }

  /**
   * A copy with {@code service} pinned to instance type {@code type} (replacing its pin, if any).
   */
  public LespConfig withPin(String service, String type) {
    Map<String, String> pins = new LinkedHashMap<>(pinnedTypes);
    pins.put(service, type);
    return copy(pins, headroom, autoScaling, zones, serviceAutoScaling);
  }

  /** A copy with {@code machines} in {@code service}'s pool ({@link #poolSizes()}). */
  public LespConfig withPoolSize(String service, int machines) {
    Map<String, Integer> sizes = new LinkedHashMap<>(poolSizes);
    sizes.put(service, machines);
    return copy(pinnedTypes, headroom, autoScaling, zones, serviceAutoScaling, sizes);
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static LespConfig defaults() {
    return builder().build();
  }

  /**
   * Machines in the pool of a service with {@code instances} instances: ceil(n × (1 + headroom)).
   */
  public int poolSize(int instances) {
    return (int) Math.ceil(instances * (1 + headroom) - 1e-9);
  }

  /**
   * Machines in the pool of {@code service}: its own size ({@link #poolSizes()}) if it has one,
   * else {@link #poolSize(int) poolSize(instances)}.
   */
  public int poolSize(io.platformsim.core.workload.Service service) {
    Integer own = poolSizes.get(service.name());
    return own != null ? own : poolSize(service.instances());
  }

  /** Collects the configuration; {@link #build()} validates it. */
  public static final class Builder {
    private InstanceMenu menu = InstanceMenu.AWS_DEFAULT;
    private MachineAgents agents = MachineAgents.DEFAULT;
    private final Map<String, String> pinned = new LinkedHashMap<>();
    private BaseImage baseImage = new BaseImage("base", "1");
    // Calibration S4: EC2 launch ≈ 25–30 s end to end, of which pending ≈ 5 s (ec2-boot-bench
    // sample: pending 4.9 s, boot 17.2 s, sshd 5.6 s).
    private DurationDistribution pending = DurationDistribution.logNormal(5_000, 15_000);
    private DurationDistribution boot = DurationDistribution.logNormal(23_000, 60_000);
    private double bootFailureProbability = 0.0;
    private ConfigManagement configManagement = ConfigManagement.DEFAULT;
    private DeploySteps deploySteps = DeploySteps.DEFAULT;
    // Calibration S5: Netflix Aminator EBS-backed AMI bake 8–10 min.
    private DurationDistribution bake = DurationDistribution.uniform(480_000, 600_000);
    private DeployStrategy strategy = DeployStrategy.rollingPercent(25);
    private BatchSize imageBatch = BatchSize.percent(25);
    private double headroom = 0.0;
    private boolean replaceFailed = true;
    private AutoScaling autoScaling;
    private long meanTimeToCrashMillis = 0;
    private LespIdentity identity = LespIdentity.DEFAULT;
    private List<String> zones = List.of("zone-a", "zone-b", "zone-c");
    private final Map<String, AutoScaling> serviceAutoScaling = new LinkedHashMap<>();
    private final Map<String, Integer> poolSizes = new LinkedHashMap<>();

    private Builder() {}

    /** Instance types; default {@link InstanceMenu#AWS_DEFAULT}. */
    public Builder menu(InstanceMenu m) {
      menu = m;
      return this;
    }

    /** Per-machine agents; default {@link MachineAgents#DEFAULT}. */
    public Builder agents(MachineAgents a) {
      agents = a;
      return this;
    }

    /** Runs {@code service} on {@code instanceType} instead of the cheapest fit. */
    public Builder pin(String service, String instanceType) {
      pinned.put(service, instanceType);
      return this;
    }

    /** The base image at the start; default {@code base:1}. */
    public Builder baseImage(BaseImage b) {
      baseImage = b;
      return this;
    }

    /** Pending time; default lognormal median 5 s, p99 15 s (calibration S4). */
    public Builder pending(DurationDistribution d) {
      pending = d;
      return this;
    }

    /** Boot time; default lognormal median 23 s, p99 60 s (S4: ≈25–30 s launch with pending). */
    public Builder boot(DurationDistribution d) {
      boot = d;
      return this;
    }

    /** Boot failure probability; default 0. */
    public Builder bootFailureProbability(double p) {
      bootFailureProbability = p;
      return this;
    }

    /** Configuration management; default {@link ConfigManagement#DEFAULT}. */
    public Builder configManagement(ConfigManagement c) {
      configManagement = c;
      return this;
    }

    /** Deploy steps; default {@link DeploySteps#DEFAULT}. */
    public Builder deploySteps(DeploySteps d) {
      deploySteps = d;
      return this;
    }

    /** Bake time of a base image; default uniform 8–10 min (calibration S5, Aminator). */
    public Builder bake(DurationDistribution d) {
      bake = d;
      return this;
    }

    /** App-release strategy; default rolling 25%. */
    public Builder strategy(DeployStrategy s) {
      strategy = s;
      return this;
    }

    /** Base-image replacement batch; default 25%. */
    public Builder imageBatch(BatchSize b) {
      imageBatch = b;
      return this;
    }

    /** Headroom fraction; default 0. */
    public Builder headroom(double h) {
      headroom = h;
      return this;
    }

    /** Whether failed machines are replaced; default true. */
    public Builder replaceFailed(boolean r) {
      replaceFailed = r;
      return this;
    }

    /** Target-tracking auto-scaling; default none. */
    public Builder autoScaling(AutoScaling a) {
      autoScaling = a;
      return this;
    }

    /**
     * Target-tracking auto-scaling of {@code service}'s pool only, replacing {@link
     * #autoScaling(AutoScaling)} for it; default none (every pool follows the common policy).
     */
    public Builder autoScaling(String service, AutoScaling a) {
      serviceAutoScaling.put(service, a);
      return this;
    }

    /** Mean time to a spontaneous crash per in-service machine; default 0 (none). */
    public Builder meanTimeToCrashMillis(long m) {
      meanTimeToCrashMillis = m;
      return this;
    }

    /** Machine identity: addresses, certificates, roles; default {@link LespIdentity#DEFAULT}. */
    public Builder identity(LespIdentity i) {
      identity = i;
      return this;
    }

    /** Availability zones machines spread over; default zone-a, zone-b, zone-c (as KuSP's). */
    public Builder zones(String... z) {
      zones = z == null ? null : java.util.Arrays.asList(z);
      return this;
    }

    /**
     * {@code machines} in {@code service}'s pool, replacing the instances-plus-headroom size for it
     * (e.g. the machines a legacy inventory lists); default none.
     */
    public Builder poolSize(String service, int machines) {
      poolSizes.put(service, machines);
      return this;
    }

    /** The validated configuration. */
    public LespConfig build() {
      return new LespConfig(
          menu,
          agents,
          pinned,
          baseImage,
          pending,
          boot,
          bootFailureProbability,
          configManagement,
          deploySteps,
          bake,
          strategy,
          imageBatch,
          headroom,
          replaceFailed,
          Optional.ofNullable(autoScaling),
          meanTimeToCrashMillis,
          identity,
          zones,
          serviceAutoScaling,
          poolSizes);
    }
  }
}
