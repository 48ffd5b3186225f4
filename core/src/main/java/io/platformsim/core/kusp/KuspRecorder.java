package io.platformsim.core.kusp;

import io.platformsim.core.engine.TimeWeightedAverage;
import io.platformsim.core.platform.Bill;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.Spend;
import io.platformsim.core.workload.Resources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a KuSP run records: node counts per state and pod counts per phase (now, time-weighted and
 * as a delta-encoded timeline), billed, allocated and used capacity over time, rollout pod times,
 * per-pod start-up splits and the kubelet's counters. Components tell it what changed; {@link
 * KuspPlatform} reads the figures through it.
 */
final class KuspRecorder {
  private static final NodeState[] NODE_STATES = NodeState.values();
  private static final PodPhase[] PHASES = PodPhase.values();
  // Timeline: the node counts per state then the pod counts per phase at every instant they
  // changed, delta-encoded (a byte per count); records are built only when asked for.
  private static final int STRIDE = NODE_STATES.length + PHASES.length;

  private final Cluster c;
  private final int[] nodeCounts = new int[NODE_STATES.length];
  private final TimeWeightedAverage[] nodeAverages = new TimeWeightedAverage[NODE_STATES.length];
  private final int[] phaseCounts = new int[PHASES.length];
  private final TimeWeightedAverage[] phaseAverages = new TimeWeightedAverage[PHASES.length];
  private final TimeWeightedAverage billed;
  // what billed nodes cost, by how they were bought
  private final Bill bill;
  private final TimeWeightedAverage billedCpu;
  private final TimeWeightedAverage billedMemory;
  private final TimeWeightedAverage allocatedCpu;
  private final TimeWeightedAverage allocatedMemory;
  private final TimeWeightedAverage usedCpu;
  private final TimeWeightedAverage usedMemory;
  private int billedNow;
  private int peakBilled;
  // per node pool (by index): nodes billed now and over time, for each pool's own price and size
  private final int[] poolBilledNow;
  private final CountsLog timeline = new CountsLog(STRIDE);
  private final LongColumn rolloutPodTimes = new LongColumn(64);
  // Per-pod start-up splits; the scheduling, pull, start and readiness summaries are built from
  // its columns (they were four more copies of the same values).
  final StartupLog startups = new StartupLog();
  private int failuresRecovered;
  private int containerRestarts;
  private long bytesPulled;
  private long bytesCollected;

  KuspRecorder(Cluster c, Pricing pricing) {
    this.c = c;
    long t = c.sim.now();
    this.bill = new Bill(pricing, t);
    for (NodeState s : NODE_STATES) {
      nodeAverages[s.ordinal()] = new TimeWeightedAverage("nodes " + s, t, 0);
    }
    for (PodPhase p : PHASES) {
      phaseAverages[p.ordinal()] = new TimeWeightedAverage("pods " + p, t, 0);
    }
    billed = new TimeWeightedAverage("billed nodes", t, 0);
    billedCpu = new TimeWeightedAverage("billed mCPU", t, 0);
    billedMemory = new TimeWeightedAverage("billed MiB", t, 0);
    poolBilledNow = new int[c.pools.size()];
    allocatedCpu = new TimeWeightedAverage("allocated mCPU", t, 0);
    allocatedMemory = new TimeWeightedAverage("allocated MiB", t, 0);
    usedCpu = new TimeWeightedAverage("used mCPU", t, 0);
    usedMemory = new TimeWeightedAverage("used MiB", t, 0);
  }

  // ---------------------------------------------------------------- nodes

  /** How nodes are bought. */
  Pricing pricing() {
    return bill.pricing();
  }

  /** Node {@code n} was requested: one more PROVISIONING node, billed from now. */
  void nodeRequested(Node n) {
    bill.requested(c.sim.now(), n.type().hourlyPriceUsd());
    nodeCounts[NodeState.PROVISIONING.ordinal()]++;
    nodeAverages[NodeState.PROVISIONING.ordinal()].update(
        c.sim.now(), nodeCounts[NodeState.PROVISIONING.ordinal()]);
    billing(n, +1);
    sample();
  }

  void setNodeState(Node n, NodeState s) {
    long now = c.sim.now();
    nodeCounts[n.state.ordinal()]--;
    nodeAverages[n.state.ordinal()].update(now, nodeCounts[n.state.ordinal()]);
    n.state = s;
    nodeCounts[s.ordinal()]++;
    nodeAverages[s.ordinal()].update(now, nodeCounts[s.ordinal()]);
    sample();
  }

  /**
   * Nodes billed now go up or down by {@code delta}, {@code n} being one of them: billed capacity
   * is the sum over pools of their billed nodes × their own type's capacity.
   */
  void billing(Node n, int delta) {
    long now = c.sim.now();
    // the node's cost accrues at its own type's on-demand price, by how it was bought
    bill.change(now, n.spot, delta * n.type().hourlyPriceUsd());
    billedNow += delta;
    peakBilled = Math.max(peakBilled, billedNow);
    billed.update(now, billedNow);
    poolBilledNow[n.poolIndex] += delta;
    double cpu = 0;
    double memory = 0;
    for (int i = 0; i < poolBilledNow.length; i++) {
      Resources capacity = c.pools.get(i).nodeType().capacity();
      cpu += poolBilledNow[i] * (double) capacity.milliCpu();
      memory += poolBilledNow[i] * (double) capacity.memoryMib();
    }
    billedCpu.update(now, cpu);
    billedMemory.update(now, memory);
  }

  int billedNow() {
    return billedNow;
  }

  int readyNodes() {
    return nodeCounts[NodeState.READY.ordinal()];
  }

  // ---------------------------------------------------------------- pods

  /** A pod was created Pending. */
  void podCreated() {
    phaseCounts[PodPhase.PENDING.ordinal()]++;
    phaseAverages[PodPhase.PENDING.ordinal()].update(
        c.sim.now(), phaseCounts[PodPhase.PENDING.ordinal()]);
    sample();
  }

  /** Moves {@code p} to {@code phase}, counting it there unless it is gone. */
  void setPhase(Pod p, PodPhase phase) {
    if (p.phase() == phase) {
      return;
    }
    long now = c.sim.now();
    if (!p.gone()) {
      phaseCounts[p.phase().ordinal()]--;
      phaseAverages[p.phase().ordinal()].update(now, phaseCounts[p.phase().ordinal()]);
      phaseCounts[phase.ordinal()]++;
      phaseAverages[phase.ordinal()].update(now, phaseCounts[phase.ordinal()]);
    }
    p.phase(phase);
    sample();
  }

  /** A pod in {@code phase} is gone: it no longer counts (the caller records the sample). */
  void podGone(PodPhase phase) {
    phaseCounts[phase.ordinal()]--;
    phaseAverages[phase.ordinal()].update(c.sim.now(), phaseCounts[phase.ordinal()]);
  }

  /** An application pod's request was bound ({@code sign} 1) or released ({@code sign} -1). */
  void allocated(Pod p, int sign) {
    long now = c.sim.now();
    allocatedCpu.add(now, sign * p.request().milliCpu());
    allocatedMemory.add(now, sign * p.request().memoryMib());
  }

  /**
   * A service's demand is {@code instances × usage × load} (the {@link
   * io.platformsim.core.workload.LoadCurve} convention: usage per wanted instance at factor 1),
   * shared by its running pods; nothing is used while none runs. So an HPA that adds pods lowers
   * each pod's utilization.
   */
  void refreshUsage(Deployment d) {
    long now = c.sim.now();
    double cpu =
        d.running > 0 ? d.service.instances() * (double) d.service.usage().milliCpu() * d.load : 0;
    double mem =
        d.running > 0 ? d.service.instances() * (double) d.service.usage().memoryMib() * d.load : 0;
    usedCpu.add(now, cpu - d.usedCpu);
    usedMemory.add(now, mem - d.usedMemory);
    d.usedCpu = cpu;
    d.usedMemory = mem;
  }

  /** Records the counts now, replacing a sample taken earlier at the same instant. */
  void sample() {
    timeline.add(c.sim.now(), nodeCounts, phaseCounts);
  }

  // ---------------------------------------------------------------- counters

  void rolloutPodAvailable(long millis) {
    rolloutPodTimes.add(millis);
  }

  void failureRecovered() {
    failuresRecovered++;
  }

  void containerRestarted() {
    containerRestarts++;
  }

  void pulled(long bytes) {
    bytesPulled += bytes;
  }

  void collected(long bytes) {
    bytesCollected += bytes;
  }

  // ---------------------------------------------------------------- reads

  Map<PodPhase, Integer> podsByPhase() {
    Map<PodPhase, Integer> m = new EnumMap<>(PodPhase.class);
    for (PodPhase p : PHASES) {
      m.put(p, phaseCounts[p.ordinal()]);
    }
    return m;
  }

  PlatformMetrics metrics(String name, List<RolloutRecord> rollouts) {
    long now = c.sim.now();
    double cpuCapacity = billedCpu.integral(now);
    double memoryCapacity = billedMemory.integral(now);
    Spend spend = bill.spend(now);
    return new PlatformMetrics(
        name,
        now,
        billed.average(now),
        peakBilled,
        spend.totalUsd(),
        ratio(allocatedCpu.integral(now), cpuCapacity),
        ratio(allocatedMemory.integral(now), memoryCapacity),
        ratio(usedCpu.integral(now), cpuCapacity),
        ratio(usedMemory.integral(now), memoryCapacity),
        rollouts,
        DurationSummary.of(rolloutPodTimes.toArray()),
        failuresRecovered,
        spend,
        c.spotNodes.interruptions());
  }

  KuspMetrics kuspMetrics(PlatformMetrics metrics) {
    long now = c.sim.now();
    Map<NodeState, Integer> nn = new EnumMap<>(NodeState.class);
    Map<NodeState, Double> na = new EnumMap<>(NodeState.class);
    for (NodeState s : NODE_STATES) {
      nn.put(s, nodeCounts[s.ordinal()]);
      na.put(s, nodeAverages[s.ordinal()].average(now));
    }
    Map<PodPhase, Integer> pn = new EnumMap<>(PodPhase.class);
    Map<PodPhase, Double> pa = new EnumMap<>(PodPhase.class);
    for (PodPhase p : PHASES) {
      pn.put(p, phaseCounts[p.ordinal()]);
      pa.put(p, phaseAverages[p.ordinal()].average(now));
    }
    TreeMap<String, String> unsched = c.queue.unschedulableMessages();
    return new KuspMetrics(
        metrics,
        nn,
        na,
        pn,
        pa,
        ratio(c.stranded.cpuIntegral(now), billedCpu.integral(now)),
        ratio(c.stranded.memoryIntegral(now), billedMemory.integral(now)),
        DurationSummary.of(startups.schedulingMillis()),
        DurationSummary.of(startups.pullMillis()),
        DurationSummary.of(startups.startMillis()),
        DurationSummary.of(startups.readinessMillis()),
        unsched,
        c.scheduling.unschedulableReasons(),
        c.scheduling.everUnschedulable(),
        c.nodeLifecycle.evictions(),
        bytesPulled,
        bytesCollected,
        containerRestarts,
        c.preemption.count());
  }

  /** Nodes per state and pods per phase at every instant they changed, decoded now. */
  List<ClusterSample> stateTimeline() {
    List<ClusterSample> out = new ArrayList<>(timeline.size());
    timeline.forEach(
        (i, time, counts) -> {
          Map<NodeState, Integer> n = new EnumMap<>(NodeState.class);
          for (NodeState st : NODE_STATES) {
            n.put(st, counts[st.ordinal()]);
          }
          Map<PodPhase, Integer> p = new EnumMap<>(PodPhase.class);
          for (PodPhase ph : PHASES) {
            p.put(ph, counts[NODE_STATES.length + ph.ordinal()]);
          }
          out.add(new ClusterSample(time, n, p));
        });
    return out;
  }

  /**
   * Nodes not gone now; requests of their non-DaemonSet pods as allocation, usage ({@code demand})
   * of those running and ready, over the nodes' capacity (each its own type's).
   */
  PlatformSample sample(Demand demand) {
    double nodes = 0;
    double capacityCpu = 0;
    double capacityMemory = 0;
    double allocCpu = 0;
    double allocMem = 0;
    double usedCpu = 0;
    for (Node n : c.nodes) {
      if (n.state() == NodeState.GONE) {
        continue;
      }
      nodes++;
      capacityCpu += n.type().capacity().milliCpu();
      capacityMemory += n.type().capacity().memoryMib();
      for (Pod pod : n.pods()) {
        if (pod.daemon()) {
          continue;
        }
        allocCpu += pod.request().milliCpu();
        allocMem += pod.request().memoryMib();
        if (pod.phase() == PodPhase.RUNNING && pod.ready()) {
          usedCpu += demand.usedMilliCpu(pod.service());
        }
      }
    }
    return new PlatformSample(
        nodes,
        PlatformSample.fraction(allocCpu, capacityCpu),
        PlatformSample.fraction(allocMem, capacityMemory),
        PlatformSample.fraction(usedCpu, capacityCpu));
  }

  private static double ratio(double num, double den) {
    return den <= 0 ? 0 : num / den;
  }

  @Override
  public String toString() {
    return "KuspRecorder["
        + billedNow
        + " billed nodes (peak "
        + peakBilled
        + "), "
        + timeline.size()
        + " samples, "
        + containerRestarts
        + " restarts]";
  }
}
