package io.platformsim.core.platform;

import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.Map;

/**
 * What the caller asks of the platform now: the deployed services (request and nominal usage) and
 * each one's load factor as last set through {@link Platform#setLoad} (1 where never set). A {@link
 * Platform#sample} turns it into allocation and usage of the platform's own machines. Immutable.
 *
 * @param workload the services deployed
 * @param loads service name → load factor; a service not in the map is at factor 1
 */
public record Demand(Workload workload, Map<String, Double> loads) {

  /** Copies the load map. */
  public Demand {
    if (workload == null) {
      throw new IllegalArgumentException("demand needs a workload");
    }
    loads = Map.copyOf(loads);
  }

  /** The service named {@code name}; unknown names are an error naming them. */
  public Service service(String name) {
    return workload.service(name);
  }

  /** The service's load factor now (1 = nominal usage). */
  public double load(String service) {
    return loads.getOrDefault(service, 1.0);
  }

  /** CPU one serving instance of the service uses now: nominal usage × load factor. */
  public double usedMilliCpu(String service) {
    return workload.service(service).usage().milliCpu() * load(service);
  }

  @Override
  public String toString() {
    return "Demand[" + workload.services().size() + " services, loads " + loads + "]";
  }
}
