package io.platformsim.core.experiment;

import io.platformsim.core.experiment.TimelineEvent.ZoneOutage;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cross-field checks of a {@link Scenario}: every event names a known service (or KuSP zone)
 * and falls inside the horizon, and every service fits both platforms and is the one its
 * per-service settings name. Messages name the field and the value.
 */
final class ScenarioChecks {

  private ScenarioChecks() {}

  /**
   * {@code timeline} in time order (equal times keep their given order), checked against the
   * workload, the KuSP zones and the horizon.
   */
  static List<TimelineEvent> timeline(
      List<TimelineEvent> timeline, Workload workload, KuspConfig kusp, long horizonMillis) {
    List<TimelineEvent> sorted = new ArrayList<>(timeline);
    sorted.sort(Comparator.comparingLong(TimelineEvent::atMillis)); // stable: ties keep their order
    for (TimelineEvent e : sorted) {
      if (e == null) {
        throw new IllegalArgumentException("timeline event must not be null");
      }
      if (e.atMillis() >= horizonMillis) {
        throw new IllegalArgumentException(
            "event '"
                + e.describe()
                + "' is at or after the horizon "
                + TimelineEvent.clock(horizonMillis));
      }
      String service = Scenario.serviceOf(e);
      if (service != null && !workload.contains(service)) {
        throw new IllegalArgumentException(
            "event '"
                + e.describe()
                + "' names unknown service '"
                + service
                + "'"
                + Suggestions.didYouMean(
                    service, workload.services().stream().map(Service::name).toList()));
      }
      if (e instanceof ZoneOutage z && !kusp.zones().contains(z.zone())) {
        throw new IllegalArgumentException(
            "event '"
                + e.describe()
                + "' names unknown zone '"
                + z.zone()
                + "'; KuSP zones: "
                + kusp.zones());
      }
    }
    return List.copyOf(sorted);
  }

  /**
   * Every service fits a KuSP node pool and a LeSP instance type and spreads over zones both
   * platforms have; every service a per-service setting names is in the workload; no limit lies
   * below its request.
   */
  static void servicesFit(Workload workload, LespConfig lesp, KuspConfig kusp) {
    Resources room = kusp.allocatableForPods();
    for (Service s : workload.services()) {
      if (kusp.poolFor(s.request(), DeploymentSpec.DEFAULT).isEmpty()) {
        throw new IllegalArgumentException(
            "service '"
                + s.name()
                + "' request "
                + s.request()
                + " does not fit a KuSP node: "
                + kusp.nodeType().name()
                + " has "
                + room
                + " for pods; choose a larger kusp node type");
      }
      lesp.menu()
          .select(s, lesp.agents()); // throws, naming the service, if no instance type holds it
      String zoneProblem = PlacementReader.zoneProblem(s, kusp, lesp);
      if (zoneProblem != null) {
        throw new IllegalArgumentException(zoneProblem);
      }
    }
    for (String service : lesp.serviceAutoScaling().keySet()) {
      if (!workload.contains(service)) {
        throw new IllegalArgumentException(
            "lesp serviceAutoScaling names service '"
                + service
                + "', which the workload lacks; services: "
                + workload.services().stream().map(Service::name).toList());
      }
    }
    for (String service : lesp.poolSizes().keySet()) {
      if (!workload.contains(service)) {
        throw new IllegalArgumentException(
            "lesp pools names service '"
                + service
                + "', which the workload lacks; services: "
                + workload.services().stream().map(Service::name).toList());
      }
    }
    for (String service : kusp.deployments().keySet()) {
      if (!workload.contains(service)) {
        throw new IllegalArgumentException(
            "kusp deployment spec names service '"
                + service
                + "', which the workload lacks; services: "
                + workload.services().stream().map(Service::name).toList());
      }
      Resources limits = kusp.deployment(service).limits();
      Resources request = workload.service(service).request();
      // A limit of 0 is no limit for that resource (as the kubelet reads it).
      if (limits != null
          && (limits.milliCpu() > 0 && limits.milliCpu() < request.milliCpu()
              || limits.memoryMib() > 0 && limits.memoryMib() < request.memoryMib())) {
        throw new IllegalArgumentException(
            "service '" + service + "' limits " + limits + " are below its request " + request);
      }
    }
  }
}
