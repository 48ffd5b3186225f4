package io.platformsim.examples.baremetal;

import io.platformsim.core.engine.Simulation;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.StrandedCapacity;
import io.platformsim.core.workload.Release;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.identity.IdentityMetrics;
import io.platformsim.identity.access.BlastRadiusReport;
import io.platformsim.identity.cert.IssuanceStats;
import io.platformsim.identity.ipam.AddressCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately trivial third platform for tests: every instance gets its own fixed-size machine
 * ({@link #MACHINE}, {@link #HOURLY_PRICE_USD} an hour), in service the moment it is deployed;
 * releases finish at once and crashed machines are replaced at once; no zones, no identity. It uses
 * nothing of the platform packages but the {@link Platform} contract, which is the point: a
 * comparison can run it next to LeSP and KuSP without any change to the experiment.
 */
public final class BareMetalPlatform implements Platform {

  /** Every machine: 4 cores, 16 GiB. */
  public static final Resources MACHINE = Resources.of(4_000, 16_384);

  /** Price of one machine-hour. */
  public static final double HOURLY_PRICE_USD = 0.20;

  private final Simulation sim;
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, Double> loads = new HashMap<>();
  private final List<RolloutRecord> rollouts = new ArrayList<>();
  private int failuresRecovered;
  // Time integrals (value × ms) of billed machines and of requested and used resources.
  private long lastMillis;
  private double machineMillis;
  private double allocCpuMillis;
  private double allocMemoryMillis;
  private double usedCpuMillis;
  private double usedMemoryMillis;

  /** A bare-metal platform on {@code sim}. */
  public BareMetalPlatform(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public String name() {
    return "BareMetal";
  }

  @Override
  public void deploy(Service service) {
    if (services.containsKey(service.name())) {
      throw new IllegalArgumentException("service '" + service.name() + "' is already deployed");
    }
    if (!service.request().fitsIn(MACHINE)) {
      throw new IllegalArgumentException(
          "service '"
              + service.name()
              + "' requests "
              + service.request()
              + ", more than a machine's "
              + MACHINE);
    }
    advance();
    services.put(service.name(), service);
  }

  @Override
  public void apply(Release release) {
    Service s = service(release.service());
    long now = sim.now();
    rollouts.add(
        new RolloutRecord(
            release, "in place", now, now, RolloutRecord.Outcome.COMPLETED, s.instances(), 0, 0));
  }

  @Override
  public void inject(Failure failure) {
    if (failure.kind() == Failure.Kind.MACHINE_CRASH) {
      service(failure.service());
      failuresRecovered += failure.count(); // replaced at once
    }
    // No zones: a zone outage touches nothing.
  }

  @Override
  public void setLoad(String service, double factor) {
    service(service);
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "load factor of '" + service + "' must be finite and >= 0, was " + factor);
    }
    advance();
    loads.put(service, factor);
  }

  @Override
  public int inService(String service) {
    return service(service).instances();
  }

  @Override
  public boolean recovered(String service, long failedAtMillis) {
    return true;
  }

  @Override
  public PlatformSample sample(Demand demand) {
    double machines = machines();
    double usedCpu = 0;
    for (Service s : services.values()) {
      usedCpu += s.instances() * demand.usedMilliCpu(s.name());
    }
    return new PlatformSample(
        machines,
        PlatformSample.fraction(requested().milliCpu(), machines * MACHINE.milliCpu()),
        PlatformSample.fraction(requested().memoryMib(), machines * MACHINE.memoryMib()),
        PlatformSample.fraction(usedCpu, machines * MACHINE.milliCpu()));
  }

  @Override
  public PlatformMetrics metrics() {
    advance();
    long now = sim.now();
    double average = now == 0 ? machines() : machineMillis / now;
    double cpu = machineMillis * MACHINE.milliCpu();
    double memory = machineMillis * MACHINE.memoryMib();
    return new PlatformMetrics(
        name(),
        now,
        average,
        machines(),
        machineMillis * HOURLY_PRICE_USD / 3_600_000.0,
        PlatformSample.fraction(allocCpuMillis, cpu),
        PlatformSample.fraction(allocMemoryMillis, memory),
        PlatformSample.fraction(usedCpuMillis, cpu),
        PlatformSample.fraction(usedMemoryMillis, memory),
        List.copyOf(rollouts),
        DurationSummary.EMPTY,
        failuresRecovered);
  }

  @Override
  public StrandedCapacity stranded() {
    PlatformMetrics m = metrics();
    return new StrandedCapacity(1 - m.cpuAllocation(), 1 - m.memoryAllocation());
  }

  @Override
  public IdentityMetrics identityMetrics() {
    IssuanceStats none = new IssuanceStats(0, 0, 0, 0, 0, 0);
    return new IdentityMetrics(
        new AddressCounts(0, 0, 0, Map.of()),
        none,
        null,
        0,
        0,
        BlastRadiusReport.of(Map.of(), Map.of()));
  }

  private Service service(String name) {
    Service s = services.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown service '" + name + "'; deployed: " + services.keySet());
    }
    return s;
  }

  private int machines() {
    int n = 0;
    for (Service s : services.values()) {
      n += s.instances();
    }
    return n;
  }

  private Resources requested() {
    Resources r = Resources.ZERO;
    for (Service s : services.values()) {
      r = r.plus(s.request().times(s.instances()));
    }
    return r;
  }

  /** Adds the time since the last change to the integrals; call before anything changes. */
  private void advance() {
    long now = sim.now();
    long dt = now - lastMillis;
    lastMillis = now;
    if (dt <= 0) {
      return;
    }
    Resources req = requested();
    double usedCpu = 0;
    double usedMemory = 0;
    for (Service s : services.values()) {
      double load = loads.getOrDefault(s.name(), 1.0);
      usedCpu += s.instances() * s.usage().milliCpu() * load;
      usedMemory += s.instances() * s.usage().memoryMib() * load;
    }
    machineMillis += (double) machines() * dt;
    allocCpuMillis += (double) req.milliCpu() * dt;
    allocMemoryMillis += (double) req.memoryMib() * dt;
    usedCpuMillis += usedCpu * dt;
    usedMemoryMillis += usedMemory * dt;
  }

  @Override
  public String toString() {
    return "BareMetalPlatform["
        + machines()
        + " machines of "
        + MACHINE
        + ", "
        + services.size()
        + " services]";
  }
}
