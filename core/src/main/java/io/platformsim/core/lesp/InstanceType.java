package io.platformsim.core.lesp;

import io.platformsim.core.workload.Resources;
import java.util.Locale;

/**
 * A virtual machine size a cloud sells: its capacity and on-demand hourly price.
 *
 * @param name e.g. {@code "m5.large"}; not blank
 * @param capacity CPU and memory of one machine; both above 0
 * @param hourlyPriceUsd on-demand price per hour in US dollars, at least 0
 */
public record InstanceType(String name, Resources capacity, double hourlyPriceUsd) {

  /** Validates the fields; messages name the type. */
  public InstanceType {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "instance type name must not be blank, was '" + name + "'");
    }
    if (capacity == null || capacity.milliCpu() <= 0 || capacity.memoryMib() <= 0) {
      throw new IllegalArgumentException(
          "instance type '" + name + "' capacity must be above 0 CPU and memory, was " + capacity);
    }
    if (!(hourlyPriceUsd >= 0) || Double.isInfinite(hourlyPriceUsd)) {
      throw new IllegalArgumentException(
          "instance type '"
              + name
              + "' hourlyPriceUsd must be finite and >= 0, was "
              + hourlyPriceUsd);
    }
  }

  /** A type of {@code vcpus} cores and {@code memoryGib} GiB at {@code hourlyPriceUsd}. */
  public static InstanceType of(String name, int vcpus, int memoryGib, double hourlyPriceUsd) {
    return new InstanceType(name, Resources.ofCores(vcpus, memoryGib), hourlyPriceUsd);
  }

  /** Price of running one machine of this type for {@code millis} milliseconds. */
  public double costUsd(long millis) {
    return hourlyPriceUsd * millis / 3_600_000.0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s (%.3g vCPU, %d GiB, $%.4f/h)",
        name,
        capacity.milliCpu() / 1000.0,
        capacity.memoryMib() / 1024,
        hourlyPriceUsd);
  }
}
