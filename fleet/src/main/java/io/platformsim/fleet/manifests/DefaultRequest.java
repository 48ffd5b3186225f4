package io.platformsim.fleet.manifests;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.HashSet;
import java.util.Set;

/**
 * The request given to a container that still lacks one after API defaulting and LimitRanges (the
 * option {@code --default-request cpu=250m,memory=256Mi}). Applied per container and per resource,
 * so an imported service never requests zero; the workloads it was applied to stay listed in {@link
 * ImportReport#missingRequests()}.
 *
 * @param cpuMillis CPU per container lacking a CPU request, millicores (> 0)
 * @param memoryBytes memory per container lacking a memory request, bytes (> 0)
 */
public record DefaultRequest(long cpuMillis, long memoryBytes) {

  /**
   * The documented default: the scheduler's own non-zero request, 100 millicores and 200 MiB
   * ({@code DefaultMilliCPURequest}, {@code DefaultMemoryRequest}, kubernetes/kubernetes
   * pkg/scheduler/util/pod_resources.go).
   */
  public static final DefaultRequest SCHEDULER_NON_ZERO =
      new DefaultRequest(PodRequests.DEFAULT_CPU_MILLIS, PodRequests.DEFAULT_MEMORY_BYTES);

  /** Rejects values that would make a missing request silently zero (or negative). */
  public DefaultRequest {
    if (cpuMillis <= 0 || memoryBytes <= 0) {
      throw new IllegalArgumentException(
          "default request must be > 0, was cpuMillis="
              + cpuMillis
              + " memoryBytes="
              + memoryBytes);
    }
  }

  /**
   * Parses the option text: comma-separated {@code cpu=QUANTITY} and {@code memory=QUANTITY}, each
   * at most once, quantities as in manifests ({@code 250m}, {@code 0.5}, {@code 256Mi}, {@code
   * 1G}), rounded up to a millicore and a byte as manifests are. A resource left out keeps {@link
   * #SCHEDULER_NON_ZERO}'s value.
   *
   * @throws IllegalArgumentException naming the option, the field and the value on bad text
   */
  public static DefaultRequest parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "--default-request: expected cpu=QUANTITY,memory=QUANTITY, was '" + text + "'");
    }
    long cpu = SCHEDULER_NON_ZERO.cpuMillis();
    long memory = SCHEDULER_NON_ZERO.memoryBytes();
    Set<String> seen = new HashSet<>();
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
      String value = eq < 0 ? "" : part.substring(eq + 1).trim();
      if (!key.equals("cpu") && !key.equals("memory")) {
        throw new IllegalArgumentException(
            "--default-request: unknown field '" + key + "' in '" + text + "' (cpu or memory)");
      }
      if (!seen.add(key)) {
        throw new IllegalArgumentException(
            "--default-request: " + key + " given twice in '" + text + "'");
      }
      if (eq < 0 || value.isEmpty()) {
        throw new IllegalArgumentException("--default-request: " + key + ": no quantity after '='");
      }
      long amount;
      try {
        Quantity q = new Quantity(value);
        amount = key.equals("cpu") ? PodRequests.millis(q, key) : PodRequests.bytes(q, key);
      } catch (FieldProblem e) {
        throw new IllegalArgumentException("--default-request: " + key + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--default-request: " + key + ": not a quantity: '" + value + "'");
      }
      if (amount <= 0) {
        throw new IllegalArgumentException(
            "--default-request: " + key + ": must be > 0, was '" + value + "'");
      }
      if (key.equals("cpu")) {
        cpu = amount;
      } else {
        memory = amount;
      }
    }
    return new DefaultRequest(cpu, memory);
  }

  @Override
  public String toString() {
    long mib = 1024 * 1024;
    return "cpu="
        + cpuMillis
        + "m,memory="
        + (memoryBytes % mib == 0 ? memoryBytes / mib + "Mi" : String.valueOf(memoryBytes));
  }
}
