package io.platformsim.core.experiment;

import io.platformsim.core.platform.PlatformSample;
import java.util.Arrays;
import java.util.List;

/**
 * One platform's state sampled at regular times in one replication (replication 0): billed
 * machines, CPU and memory allocation and CPU usage, each as the instantaneous value at the sample
 * time (not time-weighted). For charts and the time-series CSV; the summary figures are the
 * platforms' own time-weighted metrics. Arrays are copied in and out.
 *
 * @param timesMillis sample times
 * @param machines billed machines or nodes
 * @param cpuAllocation requested CPU of placed instances ÷ CPU of billed machines
 * @param memoryAllocation the same for memory
 * @param cpuUsage CPU used by serving instances ÷ CPU of billed machines
 */
public record TimeSeries(
    long[] timesMillis,
    double[] machines,
    double[] cpuAllocation,
    double[] memoryAllocation,
    double[] cpuUsage) {

  /** Checks the lengths agree and copies the arrays. */
  public TimeSeries {
    int n = timesMillis.length;
    if (machines.length != n
        || cpuAllocation.length != n
        || memoryAllocation.length != n
        || cpuUsage.length != n) {
      throw new IllegalArgumentException("time series columns must all have " + n + " samples");
    }
    timesMillis = timesMillis.clone();
    machines = machines.clone();
    cpuAllocation = cpuAllocation.clone();
    memoryAllocation = memoryAllocation.clone();
    cpuUsage = cpuUsage.clone();
  }

  /** The series of {@code samples} taken at {@code timesMillis} (same length, in time order). */
  public static TimeSeries of(List<Long> timesMillis, List<PlatformSample> samples) {
    int n = samples.size();
    if (timesMillis.size() != n) {
      throw new IllegalArgumentException(
          timesMillis.size() + " sample times for " + n + " samples");
    }
    long[] t = new long[n];
    double[] machines = new double[n];
    double[] cpuAllocation = new double[n];
    double[] memoryAllocation = new double[n];
    double[] cpuUsage = new double[n];
    for (int i = 0; i < n; i++) {
      PlatformSample s = samples.get(i);
      t[i] = timesMillis.get(i);
      machines[i] = s.machines();
      cpuAllocation[i] = s.cpuAllocation();
      memoryAllocation[i] = s.memoryAllocation();
      cpuUsage[i] = s.cpuUsage();
    }
    return new TimeSeries(t, machines, cpuAllocation, memoryAllocation, cpuUsage);
  }

  /** An empty series. */
  public static TimeSeries empty() {
    return new TimeSeries(new long[0], new double[0], new double[0], new double[0], new double[0]);
  }

  /** Number of samples. */
  public int size() {
    return timesMillis.length;
  }

  @Override
  public long[] timesMillis() {
    return timesMillis.clone();
  }

  @Override
  public double[] machines() {
    return machines.clone();
  }

  @Override
  public double[] cpuAllocation() {
    return cpuAllocation.clone();
  }

  @Override
  public double[] memoryAllocation() {
    return memoryAllocation.clone();
  }

  @Override
  public double[] cpuUsage() {
    return cpuUsage.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeSeries t
        && Arrays.equals(timesMillis, t.timesMillis)
        && Arrays.equals(machines, t.machines)
        && Arrays.equals(cpuAllocation, t.cpuAllocation)
        && Arrays.equals(memoryAllocation, t.memoryAllocation)
        && Arrays.equals(cpuUsage, t.cpuUsage);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(timesMillis) * 31 + Arrays.hashCode(machines);
  }

  @Override
  public String toString() {
    return "TimeSeries[" + size() + " samples]";
  }
}
