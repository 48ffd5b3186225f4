package io.platformsim.core.lesp;

import io.platformsim.core.workload.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One service's machines and what the deploy system targets for new ones: the service (its version
 * follows the releases), the instance type, the wanted size (instances plus headroom, or the scaled
 * size), the base image and app version new machines get, the members in launch order, the load and
 * the rollout in progress with those queued behind it.
 */
final class ServicePool {
  Service service;
  final InstanceType type;
  int wanted;
  BaseImage image;
  String version;
  double healthFailure;
  // Launch order with O(1) removal: machines leave the pool when they terminate.
  final Set<Machine> machines = new LinkedHashSet<>();
  int inService;
  // machines of the pool (launched, not yet terminated) bought as spot
  int spotMachines;
  double load = 1.0;
  double usedCpu;
  double usedMemory;
  long lastScaleMillis = -1;
  int zoneCursor;
  Rollout rollout;
  final ArrayDeque<Rollout> queued = new ArrayDeque<>();
  // The service left the platform (LespPlatform.retire): its machines drain, nothing replaces them.
  boolean retired;

  ServicePool(Service service, InstanceType type, int wanted, BaseImage image) {
    this.service = service;
    this.type = type;
    this.wanted = wanted;
    this.image = image;
    this.version = service.version();
  }

  /** Machines counted towards the pool size: not owned by a rollout, not being retired. */
  int members() {
    int n = 0;
    for (Machine m : machines) {
      if (m.owner == null && !m.retiring) {
        n++;
      }
    }
    return n;
  }

  /** The members (see {@link #members()}) in launch order, in a new list. */
  List<Machine> memberList() {
    List<Machine> out = new ArrayList<>();
    for (Machine m : machines) {
      if (m.owner == null && !m.retiring) {
        out.add(m);
      }
    }
    return out;
  }

  /** Every machine of the pool in service now (members or not), in launch order, in a new list. */
  List<Machine> inServiceMachines() {
    List<Machine> out = new ArrayList<>();
    for (Machine m : machines) {
      if (m.state() == MachineState.IN_SERVICE) {
        out.add(m);
      }
    }
    return out;
  }

  /** The members in service now, in launch order, in a new list. */
  List<Machine> inServiceMembers() {
    List<Machine> out = memberList();
    out.removeIf(m -> m.state() != MachineState.IN_SERVICE);
    return out;
  }

  @Override
  public String toString() {
    return "ServicePool["
        + service.name()
        + " v"
        + version
        + " on "
        + image
        + ", "
        + type.name()
        + ", wanted="
        + wanted
        + ", machines="
        + machines.size()
        + ", in service="
        + inService
        + "]";
  }
}
