package io.platformsim.core.experiment;

import io.platformsim.core.engine.RandomStreams;
import io.platformsim.core.engine.Simulation;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.KuspMetrics;
import io.platformsim.core.kusp.KuspPlatform;
import io.platformsim.core.kusp.Node;
import io.platformsim.core.kusp.NodeEviction;
import io.platformsim.core.kusp.NodeState;
import io.platformsim.core.kusp.Pod;
import io.platformsim.core.kusp.PodPhase;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespPlatform;
import io.platformsim.core.lesp.Machine;
import io.platformsim.core.lesp.MachineState;
import io.platformsim.core.platform.Failure;
import io.platformsim.core.platform.Platform;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.identity.IdentityMetrics;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the experiment needs of a platform beyond the {@link Platform} contract: load changes,
 * zone outages, how many of a service's instances serve now, an instantaneous sample for the time
 * series, and the platform-specific figures (stranded capacity, identity). One per platform and
 * replication; not thread-safe.
 */
abstract class PlatformDriver {

  final Simulation sim;
  final Workload workload;
  final Map<String, Double> load = new HashMap<>();

  PlatformDriver(Simulation sim, Workload workload) {
    this.sim = sim;
    this.workload = workload;
  }

  /** A driver for {@code side} on a fresh platform on {@code sim}. */
  static PlatformDriver create(Side side, Simulation sim, RandomStreams streams, Scenario s) {
    return side == Side.LESP ? new Lesp(sim, streams, s.lesp(), s.workload(), s.kusp().zones())
        : new Kusp(sim, streams, s.kusp(), s.workload(), s.lesp().identity());
  }

  abstract Platform platform();

  abstract void setLoad(String service, double factor);

  void zoneOutage(String zone) {
    platform().inject(Failure.zoneOutage(zone));
  }

  /** Instances of the service serving traffic now. */
  abstract int inService(String service);

  /** Whether the service is back at full strength after a failure injected at {@code failedAt}. */
  abstract boolean recovered(String service, long failedAt);

  /** Writes machines, CPU allocation, memory allocation and CPU usage now into {@code out}. */
  abstract void sample(double[] out);

  /** Figures only this platform reports (stranded capacity, identity). */
  abstract void extraFigures(PlatformMetrics m, Map<Figure, Double> out);

  double loadOf(String service) {
    return load.getOrDefault(service, 1.0);
  }

  static double ratio(double num, double den) {
    return den <= 0 ? 0 : num / den;
  }

  // ------------------------------------------------------------------ LeSP

  static final class Lesp extends PlatformDriver {
    final LespPlatform p;
    /**
     * LeSP on {@code config} with its machines spread over the scenario's {@code zones} (one zone
     * list for both platforms, so a zone outage hits the same zone on each).
     */
    Lesp(Simulation sim, RandomStreams streams, LespConfig config, Workload workload, List<String> zones) {
      super(sim, workload);
      this.p = new LespPlatform(sim, streams, withZones(config, zones));
    }

    static LespConfig withZones(LespConfig c, List<String> zones) {
      return new LespConfig(c.menu(), c.agents(), c.pinnedTypes(), c.baseImage(), c.pending(), c.boot(),
          c.bootFailureProbability(), c.configManagement(), c.deploySteps(), c.bake(), c.strategy(),
          c.imageBatch(), c.headroom(), c.replaceFailed(), c.autoScaling(), c.meanTimeToCrashMillis(), c.identity(),
          zones);
    }

    @Override
    Platform platform() {
      return p;
    }

    @Override
    void setLoad(String service, double factor) {
      load.put(service, factor);
      p.setLoad(service, factor);
    }

    @Override
    int inService(String service) {
      int n = 0;
      for (Machine m : p.machines(service)) {
        if (m.state() == MachineState.IN_SERVICE) {
          n++;
        }
      }
      return n;
    }

    @Override
    boolean recovered(String service, long failedAt) {
      return inService(service) >= p.poolSize(service);
    }

    @Override
    void sample(double[] out) {
      double machines = 0;
      double capCpu = 0;
      double capMem = 0;
      double allocCpu = 0;
      double allocMem = 0;
      double usedCpu = 0;
      for (Machine m : p.allMachines()) {
        MachineState st = m.state();
        if (!st.isBilled()) {
          continue;
        }
        machines++;
        capCpu += m.type().capacity().milliCpu();
        capMem += m.type().capacity().memoryMib();
        Service s = workload.service(m.service());
        if (st == MachineState.DEPLOYING || st == MachineState.IN_SERVICE || st == MachineState.DRAINING) {
          allocCpu += s.request().milliCpu();
          allocMem += s.request().memoryMib();
        }
        if (st == MachineState.IN_SERVICE) {
          usedCpu += s.usage().milliCpu() * loadOf(s.name());
        }
      }
      out[0] = machines;
      out[1] = ratio(allocCpu, capCpu);
      out[2] = ratio(allocMem, capMem);
      out[3] = ratio(usedCpu, capCpu);
    }

    @Override
    void extraFigures(PlatformMetrics m, Map<Figure, Double> out) {
      out.put(Figure.STRANDED_CPU, 1 - m.cpuAllocation());
      out.put(Figure.STRANDED_MEMORY, 1 - m.memoryAllocation());
    }

    /**
     * The scenario's LeSP configuration with target-tracking auto-scaling for the scale-out
     * measurement: evaluated every 60 s (CloudWatch's one-minute metrics) with the EC2
     * Auto Scaling default cooldown of 300 s (AWS EC2 Auto Scaling user guide, "Scaling
     * cooldowns"), never below the pool's normal size.
     */
    static LespConfig withAutoScaling(LespConfig c, double target, int minMachines, int maxMachines) {
      return new LespConfig(c.menu(), c.agents(), c.pinnedTypes(), c.baseImage(), c.pending(), c.boot(),
          c.bootFailureProbability(), c.configManagement(), c.deploySteps(), c.bake(), c.strategy(),
          c.imageBatch(), c.headroom(), c.replaceFailed(),
          Optional.of(new AutoScaling(target, 300_000, 60_000, minMachines, maxMachines)),
          c.meanTimeToCrashMillis(), c.identity(), c.zones());
    }
  }

  // ------------------------------------------------------------------ KuSP

  static final class Kusp extends PlatformDriver {
    final KuspPlatform p;
    final Resources nodeCapacity;
    final LespIdentity resources;

    Kusp(Simulation sim, RandomStreams streams, KuspConfig config, Workload workload, LespIdentity resources) {
      super(sim, workload);
      // Both platforms judge blast radius against the same needs: the scenario's LeSP roles
      // (services KuSP's identity configuration names itself keep its own).
      Map<String, Set<String>> needs = new LinkedHashMap<>(resources.resources());
      needs.putAll(config.identity().resources());
      this.p = new KuspPlatform(sim, streams, config.withIdentity(config.identity().withResources(needs)));
      this.nodeCapacity = config.nodeType().capacity();
      this.resources = resources;
    }

    void deploy(Service s, DeploymentSpec spec) {
      p.deploy(s, spec);
    }

    @Override
    Platform platform() {
      return p;
    }

    @Override
    void setLoad(String service, double factor) {
      load.put(service, factor);
      p.setLoad(service, factor);
    }

    @Override
    int inService(String service) {
      return p.available(service);
    }

    @Override
    boolean recovered(String service, long failedAt) {
      // A pod on an unresponsive node still counts as available until the node lifecycle
      // controller evicts it, so recovery needs the eviction of the crashed node first.
      boolean evicted = false;
      for (NodeEviction e : p.evictions()) {
        if (e.lastHeartbeat() <= failedAt && e.evictedAt() >= 0 && e.evictedAt() < sim.now()) {
          evicted = true;
          break;
        }
      }
      return evicted && p.available(service) >= p.replicas(service);
    }

    @Override
    void sample(double[] out) {
      double nodes = 0;
      double allocCpu = 0;
      double allocMem = 0;
      double usedCpu = 0;
      for (Node n : p.nodes()) {
        if (n.state() == NodeState.GONE) {
          continue;
        }
        nodes++;
        for (Pod pod : n.pods()) {
          if (pod.daemon()) {
            continue;
          }
          allocCpu += pod.request().milliCpu();
          allocMem += pod.request().memoryMib();
          if (pod.phase() == PodPhase.RUNNING && pod.ready()) {
            usedCpu += workload.service(pod.service()).usage().milliCpu() * loadOf(pod.service());
          }
        }
      }
      out[0] = nodes;
      out[1] = ratio(allocCpu, nodes * nodeCapacity.milliCpu());
      out[2] = ratio(allocMem, nodes * nodeCapacity.memoryMib());
      out[3] = ratio(usedCpu, nodes * nodeCapacity.milliCpu());
    }

    @Override
    void extraFigures(PlatformMetrics m, Map<Figure, Double> out) {
      KuspMetrics km = p.kuspMetrics();
      out.put(Figure.STRANDED_CPU, km.strandedCpu());
      out.put(Figure.STRANDED_MEMORY, km.strandedMemory());
    }
  }

  /**
   * The identity figures of {@code id}, the platform's own {@link Platform#identityMetrics()}: the
   * same reading for both platforms, nothing derived here.
   */
  static void identityFigures(IdentityMetrics id, Map<Figure, Double> out) {
    out.put(Figure.ADDRESSES_USED, (double) id.addresses().used());
    out.put(Figure.ADDRESSES_RESERVED, (double) id.addresses().reserved());
    out.put(Figure.ADDRESSES_FREE, (double) id.addresses().free());
    out.put(Figure.ADDRESS_EXHAUSTIONS, (double) id.addresses().exhaustionEvents());
    out.put(Figure.CERTIFICATES_ISSUED, (double) id.certificates().issued());
    out.put(Figure.CERTIFICATES_PEAK_PER_MINUTE, (double) id.certificates().peakPerMinute());
    out.put(Figure.AUTHORITY_DELAY, id.certificates().meanDelayMillis());
    if (id.tokens() != null) {
      out.put(Figure.TOKENS_ISSUED, (double) id.tokens().issued());
    }
    out.put(Figure.PRINCIPALS, (double) id.principals());
    out.put(Figure.IDENTITIES, (double) id.credentialHolders());
    out.put(Figure.BLAST_RADIUS_MEAN_PRINCIPAL, id.blastRadius().meanOverPrincipals());
    out.put(Figure.BLAST_RADIUS_MAX_PRINCIPAL, (double) id.blastRadius().maxOverPrincipals());
    out.put(Figure.BLAST_RADIUS_MEAN, id.blastRadius().meanOverHosts());
    out.put(Figure.BLAST_RADIUS_MAX, (double) id.blastRadius().maxOverHosts());
  }

  /** An empty figure map in {@link Figure} order. */
  static Map<Figure, Double> figures() {
    return new EnumMap<>(Figure.class);
  }
}
