package io.platformsim.core.lesp;

import io.platformsim.core.engine.TimeWeightedAverage;
import io.platformsim.core.platform.Bill;
import io.platformsim.core.platform.Demand;
import io.platformsim.core.platform.DurationSummary;
import io.platformsim.core.platform.PlatformMetrics;
import io.platformsim.core.platform.PlatformSample;
import io.platformsim.core.platform.Pricing;
import io.platformsim.core.platform.RolloutRecord;
import io.platformsim.core.platform.Spend;
import io.platformsim.core.workload.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What LeSP measures: machines by state (counts now, time-weighted averages, a timeline with one
 * sample per instant at which a count changed), billed machines and spend, allocated and used CPU
 * and memory, and the duration samples and counters the platform reports. It only records; the
 * machine lifecycle tells it about every transition.
 */
final class MetricsRecorder {
  private static final MachineState[] STATES = MachineState.values();

  private final int[] stateCounts = new int[STATES.length];
  private final TimeWeightedAverage[] stateAverages = new TimeWeightedAverage[STATES.length];
  private final TimeWeightedAverage billed;
  // what billed machines cost, by how they were bought
  private final Bill bill;
  private final TimeWeightedAverage billedCpu;
  private final TimeWeightedAverage billedMemory;
  private final TimeWeightedAverage allocatedCpu;
  private final TimeWeightedAverage allocatedMemory;
  private final TimeWeightedAverage usedCpu;
  private final TimeWeightedAverage usedMemory;
  private int peakBilled;
  // Machines by state over time, flat and primitive: sample i holds at sampleTimes[i] the counts
  // sampleCounts[i * STATES.length + state]. StateSample records are built only when asked for.
  private long[] sampleTimes = new long[256];
  private int[] sampleCounts = new int[256 * STATES.length];
  private int samples;

  /** Time from the start of each deploy (launch or in place) to its machine serving. */
  final LongSamples deployTimes = new LongSamples();

  /** Durations of every converge attempt. */
  final LongSamples convergeTimes = new LongSamples();

  /** Time from each crash to its replacement being in service. */
  final LongSamples recoveryTimes = new LongSamples();

  private int healthCheckFailures;
  private int periodicConvergeFailures;
  private int scalingActions;
  private int spotInterruptions;

  /** Nothing recorded yet at {@code startMillis}, everything on-demand. */
  MetricsRecorder(long startMillis) {
    this(startMillis, Pricing.ON_DEMAND);
  }

  /**
   * Nothing recorded yet at {@code startMillis}, machines billed under {@code pricing}; takes the
   * first (empty) state sample.
   */
  MetricsRecorder(long startMillis, Pricing pricing) {
    long t = startMillis;
    for (MachineState s : STATES) {
      stateAverages[s.ordinal()] = new TimeWeightedAverage("machines " + s, t, 0);
    }
    billed = new TimeWeightedAverage("billed machines", t, 0);
    bill = new Bill(pricing, t);
    billedCpu = new TimeWeightedAverage("billed mCPU", t, 0);
    billedMemory = new TimeWeightedAverage("billed MiB", t, 0);
    allocatedCpu = new TimeWeightedAverage("allocated mCPU", t, 0);
    allocatedMemory = new TimeWeightedAverage("allocated MiB", t, 0);
    usedCpu = new TimeWeightedAverage("used mCPU", t, 0);
    usedMemory = new TimeWeightedAverage("used MiB", t, 0);
    sample(t);
  }

  /**
   * A machine of {@code type} was requested (it starts in REQUESTED without a transition); those
   * requested at the start set the reserved commitment.
   */
  void requested(long now, InstanceType type) {
    bill.requested(now, type.hourlyPriceUsd());
    stateCounts[MachineState.REQUESTED.ordinal()]++;
    stateAverages[MachineState.REQUESTED.ordinal()].add(now, 1);
  }

  /** How machines are bought. */
  Pricing pricing() {
    return bill.pricing();
  }

  /**
   * A machine of {@code type} running {@code service}, spot if {@code spot}, moved from {@code
   * prev} to {@code next}.
   */
  void transition(
      MachineState prev,
      MachineState next,
      InstanceType type,
      Service service,
      boolean spot,
      long now) {
    stateCounts[prev.ordinal()]--;
    stateCounts[next.ordinal()]++;
    stateAverages[prev.ordinal()].add(now, -1);
    stateAverages[next.ordinal()].add(now, 1);
    if (prev.isBilled() != next.isBilled()) {
      int sign = next.isBilled() ? 1 : -1;
      billed.add(now, sign);
      bill.change(now, spot, sign * type.hourlyPriceUsd());
      billedCpu.add(now, sign * type.capacity().milliCpu());
      billedMemory.add(now, sign * type.capacity().memoryMib());
      peakBilled = Math.max(peakBilled, (int) Math.round(billed.current()));
    }
    if (holdsInstance(prev) != holdsInstance(next)) {
      int sign = holdsInstance(next) ? 1 : -1;
      allocatedCpu.add(now, sign * service.request().milliCpu());
      allocatedMemory.add(now, sign * service.request().memoryMib());
    }
    sample(now);
  }

  private static boolean holdsInstance(MachineState s) {
    return s == MachineState.DEPLOYING
        || s == MachineState.IN_SERVICE
        || s == MachineState.DRAINING;
  }

  /** Used = min(demand, in-service capacity): load beyond what serving machines hold is lost. */
  void updateUsage(ServicePool pool, long now) {
    Service s = pool.service;
    double cpu =
        Math.min(
            s.instances() * s.usage().milliCpu() * pool.load,
            (double) pool.inService * pool.type.capacity().milliCpu());
    double mem =
        Math.min(
            s.instances() * s.usage().memoryMib() * pool.load,
            (double) pool.inService * pool.type.capacity().memoryMib());
    usedCpu.add(now, cpu - pool.usedCpu);
    usedMemory.add(now, mem - pool.usedMemory);
    pool.usedCpu = cpu;
    pool.usedMemory = mem;
  }

  /** Records the state counts now; several changes at one instant keep only the last counts. */
  private void sample(long now) {
    int i = samples > 0 && sampleTimes[samples - 1] == now ? samples - 1 : samples;
    if (i == samples) {
      if (samples == sampleTimes.length) {
        sampleTimes = Arrays.copyOf(sampleTimes, samples * 2);
        sampleCounts = Arrays.copyOf(sampleCounts, samples * 2 * STATES.length);
      }
      samples++;
    }
    sampleTimes[i] = now;
    System.arraycopy(stateCounts, 0, sampleCounts, i * STATES.length, STATES.length);
  }

  /** A deploy's health check failed. */
  void healthCheckFailed() {
    healthCheckFailures++;
  }

  /** A periodic converge failed every attempt. */
  void periodicConvergeFailed() {
    periodicConvergeFailures++;
  }

  /** Auto-scaling resized a pool. */
  void scaled() {
    scalingActions++;
  }

  /** A spot machine was interrupted. */
  void spotInterrupted() {
    spotInterruptions++;
  }

  int healthCheckFailures() {
    return healthCheckFailures;
  }

  int periodicConvergeFailures() {
    return periodicConvergeFailures;
  }

  int scalingActions() {
    return scalingActions;
  }

  /** Machines in {@code state} now (TERMINATED: all ever terminated). */
  int count(MachineState state) {
    return stateCounts[state.ordinal()];
  }

  /** Time-weighted average number of machines in {@code state} from the start to {@code now}. */
  double averageMachines(MachineState state, long now) {
    return stateAverages[state.ordinal()].average(now);
  }

  /** Machines by state over time, one sample per instant at which a count changed. */
  List<StateSample> stateTimeline() {
    List<StateSample> out = new ArrayList<>(samples);
    for (int i = 0; i < samples; i++) {
      Map<MachineState, Integer> counts = new EnumMap<>(MachineState.class);
      for (MachineState s : STATES) {
        counts.put(s, sampleCounts[i * STATES.length + s.ordinal()]);
      }
      out.add(new StateSample(sampleTimes[i], counts));
    }
    return out;
  }

  /** The platform's figures at {@code now} with {@code rollouts} (those started, in order). */
  PlatformMetrics metrics(String platform, long now, List<RolloutRecord> rollouts) {
    double cpuCapacity = billedCpu.integral(now);
    double memoryCapacity = billedMemory.integral(now);
    DurationSummary deploys = deployTimes.summary();
    Spend spend = bill.spend(now);
    return new PlatformMetrics(
        platform,
        now,
        billed.average(now),
        peakBilled,
        spend.totalUsd(),
        ratio(allocatedCpu.integral(now), cpuCapacity),
        ratio(allocatedMemory.integral(now), memoryCapacity),
        ratio(usedCpu.integral(now), cpuCapacity),
        ratio(usedMemory.integral(now), memoryCapacity),
        rollouts,
        deploys,
        recoveryTimes.size(),
        spend,
        spotInterruptions);
  }

  /**
   * Billed machines of {@code machines} now; a machine's capacity counts while billed, its
   * instance's request while deploying, in service or draining, its usage ({@code demand}) while in
   * service.
   */
  static PlatformSample sample(List<Machine> machines, Demand demand) {
    double billedMachines = 0;
    double capCpu = 0;
    double capMem = 0;
    double allocCpu = 0;
    double allocMem = 0;
    double usedMilliCpu = 0;
    for (Machine m : machines) {
      MachineState st = m.state();
      if (!st.isBilled()) {
        continue;
      }
      billedMachines++;
      capCpu += m.type().capacity().milliCpu();
      capMem += m.type().capacity().memoryMib();
      Service s = demand.service(m.service());
      if (holdsInstance(st)) {
        allocCpu += s.request().milliCpu();
        allocMem += s.request().memoryMib();
      }
      if (st == MachineState.IN_SERVICE) {
        usedMilliCpu += demand.usedMilliCpu(s.name());
      }
    }
    return new PlatformSample(
        billedMachines,
        PlatformSample.fraction(allocCpu, capCpu),
        PlatformSample.fraction(allocMem, capMem),
        PlatformSample.fraction(usedMilliCpu, capCpu));
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0 : numerator / denominator;
  }

  @Override
  public String toString() {
    return "MetricsRecorder[samples="
        + samples
        + ", in service="
        + count(MachineState.IN_SERVICE)
        + ", peak billed="
        + peakBilled
        + "]";
  }
}
