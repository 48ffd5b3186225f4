package io.platformsim.fleet.scenario;

import io.platformsim.core.kusp.KuspIdentity;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.LespIdentity;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.LespPools;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LeSP side of an imported scenario: the configuration (the default scenario's choices), the
 * menu, and the rules that derive a service's LeSP side or check an inventory's.
 */
final class LespSide {

  /**
   * Pool headroom of every derived pool: 20%, the default scenario's figure ({@code
   * DefaultScenario}: an assumption, legacy pools sized to peak plus headroom). An inventory pool
   * keeps its own size.
   */
  static final double HEADROOM = 0.2;

  private LespSide() {}

  /**
   * The menu: the LeSP default menu ({@link InstanceMenu#AWS_DEFAULT}), then the catalogue types
   * {@code extra} names that it lacks, in catalogue order (so every inventory pin is on the menu
   * and a derived service chooses among the default types plus the ones the fleet already runs).
   */
  static InstanceMenu menu(InstanceCatalogue catalogue, Collection<String> extra) {
    List<InstanceType> types = new ArrayList<>(InstanceMenu.AWS_DEFAULT.types());
    Set<String> names = new LinkedHashSet<>();
    types.forEach(t -> names.add(t.name()));
    for (InstanceType t : catalogue.types()) {
      if (extra.contains(t.name()) && names.add(t.name())) {
        types.add(t);
      }
    }
    return InstanceMenu.of(types);
  }

  /**
   * The LeSP configuration: the default scenario's (20% headroom, the managed certificate
   * authority's capacity), {@code menu}, and each inventory service pinned to its main type with
   * its pool as the inventory lists it.
   */
  static LespConfig config(InstanceMenu menu, LespPools pools) {
    LespConfig.Builder b =
        LespConfig.builder()
            .headroom(HEADROOM)
            .menu(menu)
            .identity(
                LespIdentity.DEFAULT.withAuthorityCapacity(
                    KuspIdentity.MANAGED_AUTHORITY_CAPACITY));
    if (pools != null) {
      pools.pins().forEach(b::pin);
      pools.poolSizes().forEach(b::poolSize);
    }
    return b.build();
  }

  /**
   * What one machine of {@code type} leaves a service: its capacity less the per-machine agents
   * (LeSP runs one instance per machine, so the service had all the rest).
   */
  static Resources room(InstanceType type, MachineAgents agents) {
    Resources a = agents.total();
    return Resources.of(
        Math.max(1, type.capacity().milliCpu() - a.milliCpu()),
        Math.max(1, type.capacity().memoryMib() - a.memoryMib()));
  }

  /**
   * The type a manifest-only service runs on: LeSP's own rule ({@link InstanceMenu#select}, the
   * cheapest menu type holding one instance plus the agents).
   *
   * @throws FleetImportException if no menu type holds it
   */
  static InstanceType derivedType(InstanceMenu menu, Service s, MachineAgents agents) {
    try {
      return menu.select(s, agents);
    } catch (IllegalArgumentException e) {
      throw new FleetImportException(e.getMessage(), e);
    }
  }

  /**
   * Checks that a paired service's request fits the type its legacy machines run ({@link
   * InstanceMenu#pinned}).
   *
   * @throws FleetImportException naming the service, its request and the type
   */
  static void checkPin(InstanceMenu menu, Service s, String type, MachineAgents agents) {
    try {
      menu.pinned(s, type, agents);
    } catch (IllegalArgumentException e) {
      throw new FleetImportException(
          "service '"
              + s.name()
              + "': its manifest request does not fit the type its legacy machines run: "
              + e.getMessage(),
          e);
    }
  }
}
