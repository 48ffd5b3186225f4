package io.platformsim.fleet.scenario;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodePool;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.workload.LoadCurve;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.Inventory;
import io.platformsim.fleet.inventory.LespPools;
import io.platformsim.fleet.inventory.ServiceInventory;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.usage.Recommendation;
import io.platformsim.fleet.usage.RightSizing;
import io.platformsim.fleet.usage.UsageProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assembles a scenario from imported parts: the workloads of Kubernetes manifests (the KuSP side),
 * a legacy inventory (the LeSP side), usage per service, and renames between the two sides' names.
 * The rules, each with its source, are in {@code examples/fleet/README.md} ("From imported parts to
 * a scenario"); in short:
 *
 * <ul>
 *   <li>a manifest service and an inventory service of one name (after {@link ServiceRenames}) are
 *       one service: KuSP side from the manifest, LeSP side (pool size, pinned type) from the
 *       inventory;
 *   <li>manifest only: LeSP derived, one machine per replica on the type LeSP's own rule picks
 *       ({@link InstanceMenu#select}), the pool headroom of the LeSP configuration;
 *   <li>inventory only: KuSP derived, replicas = machines, request = the usage-based size (the
 *       right-sizing target) when usage is given, else all the machine leaves the service;
 *   <li>usage sets the simulated usage ({@link UsageProfile#applyTo}), a daily load curve the
 *       service's load from time 0, and gives a recommendation per service;
 *   <li>the rest is the default scenario's: configurations, horizon, replications, seed, and a
 *       timeline of staggered releases, a base-image change, a load spike and a machine failure.
 * </ul>
 *
 * <pre>{@code
 * ImportedFleet f = FleetImport.builder("shop")
 *     .manifests(new ManifestReader().read(Path.of("examples/fleet/manifests")))
 *     .inventory(inventory)
 *     .renames(ServiceRenames.read(Path.of("renames.csv")))
 *     .build();
 * Files.writeString(Path.of("shop.yaml"), f.yaml());
 * }</pre>
 *
 * Deterministic: the same parts give the same scenario and the same YAML.
 */
public final class FleetImport {

  private FleetImport() {}

  /** A builder for the scenario called {@code scenarioName}. */
  public static Builder builder(String scenarioName) {
    return new Builder(scenarioName);
  }

  /** Collects the imported parts; {@link #build()} assembles the scenario. */
  public static final class Builder {
    private final String name;
    private ImportedWorkloads manifests;
    private Inventory inventory;
    private Map<String, UsageProfile> usage = Map.of();
    private Map<String, LoadCurve> dailyLoad = Map.of();
    private ServiceRenames renames = ServiceRenames.NONE;
    private InstanceCatalogue catalogue = InstanceCatalogue.AWS_US_EAST_1;
    private RightSizing rightSizing = RightSizing.vpaDefaults();

    private Builder(String name) {
      this.name = name;
    }

    /** The workloads read from manifests (optional). */
    public Builder manifests(ImportedWorkloads w) {
      manifests = w;
      return this;
    }

    /** The legacy inventory (optional; at least one of manifests and inventory). */
    public Builder inventory(Inventory inv) {
      inventory = inv;
      return this;
    }

    /** Usage profiles keyed by service name, legacy or Kubernetes (optional). */
    public Builder usage(Map<String, UsageProfile> byService) {
      usage = new TreeMap<>(byService);
      return this;
    }

    /** Daily load curves keyed by service name, legacy or Kubernetes (optional). */
    public Builder dailyLoad(Map<String, LoadCurve> byService) {
      dailyLoad = new TreeMap<>(byService);
      return this;
    }

    /** Legacy-to-Kubernetes renames (optional). */
    public Builder renames(ServiceRenames r) {
      renames = r == null ? ServiceRenames.NONE : r;
      return this;
    }

    /** The instance catalogue (default {@link InstanceCatalogue#AWS_US_EAST_1}). */
    public Builder catalogue(InstanceCatalogue c) {
      catalogue = c;
      return this;
    }

    /** The right-sizing rule (default {@link RightSizing#vpaDefaults()}). */
    public Builder rightSizing(RightSizing r) {
      rightSizing = r;
      return this;
    }

    /**
     * The imported fleet.
     *
     * @throws FleetImportException (one line) on nothing to import, two workloads or inventory
     *     services that become one service, usage or a load curve for a service on neither side, a
     *     request too large for its legacy type or any node, or a scenario check that fails
     */
    public ImportedFleet build() {
      boolean noManifests = manifests == null || manifests.workloads().isEmpty();
      boolean noInventory = inventory == null || inventory.services().isEmpty();
      if (noManifests && noInventory) {
        throw new FleetImportException(
            "scenario '"
                + name
                + "': nothing to import: no workload in the manifests and no"
                + " service in the inventory");
      }
      List<String> notes = new ArrayList<>();
      // the KuSP side: workloads by service name, DaemonSets apart
      Map<String, ImportedWorkload> workloads = new LinkedHashMap<>();
      List<DaemonSet> daemonSets = new ArrayList<>();
      for (ImportedWorkload w : noManifests ? List.<ImportedWorkload>of() : manifests.workloads()) {
        if (w.kind().equals("DaemonSet")) {
          daemonSets.add(new DaemonSet(w.service().name(), w.service().request()));
          if (!w.details().nodeSelector().isEmpty()) {
            notes.add(
                w.service().name()
                    + ": DaemonSet nodeSelector "
                    + w.details().nodeSelector()
                    + " not modelled (kusp.daemonSets run on every node)");
          }
          continue;
        }
        ImportedWorkload before = workloads.putIfAbsent(w.service().name(), w);
        if (before != null) {
          throw new FleetImportException(
              "two workloads become service '"
                  + w.service().name()
                  + "': "
                  + manifest(before)
                  + " and "
                  + manifest(w));
        }
      }
      // the LeSP side: inventory services under their Kubernetes names
      Map<String, ServiceInventory> legacy = new TreeMap<>();
      Map<String, String> legacyNames = new TreeMap<>();
      for (ServiceInventory s : noInventory ? List.<ServiceInventory>of() : inventory.services()) {
        String k = renames.kubernetesName(s.service());
        String other = legacyNames.putIfAbsent(k, s.service());
        if (other != null) {
          throw new FleetImportException(
              "inventory services '"
                  + other
                  + "' and '"
                  + s.service()
                  + "' both become service '"
                  + k
                  + "' (renames)");
        }
        legacy.put(k, new ServiceInventory(k, s.machines()));
      }
      LespPools pools;
      try {
        pools =
            legacy.isEmpty()
                ? null
                : LespPools.of(
                    new Inventory(List.copyOf(legacy.values()), List.of(), 0), catalogue);
      } catch (IllegalArgumentException e) {
        throw new FleetImportException(e.getMessage(), e);
      }
      if (pools != null) {
        for (String s : pools.mixedTypes()) {
          notes.add(
              s
                  + ": legacy machines of several types "
                  + legacy.get(s).byType()
                  + "; LeSP runs one type per service, pinned to "
                  + pools.pins().get(s));
        }
      }
      Set<String> known = new LinkedHashSet<>(workloads.keySet());
      known.addAll(legacy.keySet());
      Map<String, UsageProfile> use = renamed(usage, "usage", known);
      Map<String, LoadCurve> curves = renamed(dailyLoad, "daily load", known);
      // KuSP specs first: their instance-type selectors join the LeSP menu
      Map<String, DeploymentSpec> specs = new LinkedHashMap<>();
      PlacementMapping placement = new PlacementMapping(workloads);
      for (Map.Entry<String, ImportedWorkload> e : workloads.entrySet()) {
        DeploymentMapping m;
        try {
          m = DeploymentMapping.of(e.getValue(), e.getKey(), placement);
        } catch (IllegalArgumentException x) {
          throw new FleetImportException(manifest(e.getValue()) + ": " + x.getMessage(), x);
        }
        specs.put(e.getKey(), m.spec());
        notes.addAll(m.notModelled());
      }
      Set<String> menuTypes = new LinkedHashSet<>();
      if (pools != null) {
        menuTypes.addAll(pools.pins().values());
      }
      specs.values().stream()
          .map(s -> s.nodeSelector().get(NodePool.INSTANCE_TYPE_LABEL))
          .filter(t -> t != null)
          .forEach(menuTypes::add);
      InstanceMenu menu = LespSide.menu(catalogue, menuTypes);
      LespConfig lesp = LespSide.config(menu, pools);
      MachineAgents agents = lesp.agents();
      // the services: manifest ones in reading order, then inventory-only ones by name
      List<Service> services = new ArrayList<>();
      List<ServiceOrigin> origins = new ArrayList<>();
      Map<String, Recommendation> rightSized = new LinkedHashMap<>();
      for (Map.Entry<String, ImportedWorkload> e : workloads.entrySet()) {
        String n = e.getKey();
        UsageProfile p = use.get(n);
        Service s = p == null ? e.getValue().service() : p.applyTo(e.getValue().service());
        ServiceInventory inv = legacy.get(n);
        if (inv != null) {
          LespSide.checkPin(menu, s, pools.pins().get(n), agents);
        } else {
          LespSide.derivedType(menu, s, agents);
        }
        services.add(s);
        origins.add(
            new ServiceOrigin(
                n,
                manifest(e.getValue()),
                inv == null ? "" : inventoryLine(legacyNames.get(n), inv),
                usageKind(p),
                inv == null,
                false));
      }
      for (Map.Entry<String, ServiceInventory> e : legacy.entrySet()) {
        String n = e.getKey();
        if (workloads.containsKey(n)) {
          continue;
        }
        UsageProfile p = use.get(n);
        InstanceType type = menu.type(pools.pins().get(n));
        Service s =
            derivedService(
                n,
                e.getValue().total(),
                type,
                agents,
                p,
                p == null ? null : rightSizing.recommend(p).target());
        services.add(s);
        origins.add(
            new ServiceOrigin(
                n, "", inventoryLine(legacyNames.get(n), e.getValue()), usageKind(p), false, true));
      }
      for (Service s : services) {
        UsageProfile p = use.get(s.name());
        if (p != null) {
          Recommendation r = rightSizing.recommend(p);
          rightSized.put(
              s.name(), new Recommendation(s.name(), r.target(), r.lowerBound(), r.upperBound()));
          // The target becomes deployment.rightSized: what the kusp-rightsized variant requests.
          DeploymentSpec spec = specs.getOrDefault(s.name(), DeploymentSpec.DEFAULT);
          specs.put(s.name(), spec.withRightSized(r.target(), spec.limits()));
        }
      }
      KuspConfig kusp;
      Scenario scenario;
      try {
        kusp = KuspSide.config(services, specs, daemonSets, catalogue);
        Scenario.Builder b = Scenario.builder(name).services(services).lesp(lesp).kusp(kusp);
        specs.forEach(b::deployment);
        curves.forEach((service, curve) -> b.loadCurve(java.time.Duration.ZERO, service, curve));
        DefaultTimeline.apply(b, services);
        scenario = b.build();
      } catch (IllegalArgumentException e) {
        throw new FleetImportException("scenario '" + name + "': " + e.getMessage(), e);
      }
      return new ImportedFleet(scenario, origins, rightSized, notes);
    }

    /**
     * {@code byService} keyed by Kubernetes names; a key naming no service, or two keys renamed to
     * one, is an error naming it.
     */
    private <T> Map<String, T> renamed(Map<String, T> byService, String what, Set<String> known) {
      Map<String, T> out = new TreeMap<>();
      Map<String, String> from = new TreeMap<>();
      for (Map.Entry<String, T> e : byService.entrySet()) {
        String k = renames.kubernetesName(e.getKey());
        if (!known.contains(k)) {
          throw new FleetImportException(
              what
                  + " for service '"
                  + e.getKey()
                  + "'"
                  + (k.equals(e.getKey()) ? "" : " (renamed '" + k + "')")
                  + ", which is in neither the manifests nor the inventory; services: "
                  + known);
        }
        String other = from.putIfAbsent(k, e.getKey());
        if (other != null) {
          throw new FleetImportException(
              what
                  + " for '"
                  + other
                  + "' and '"
                  + e.getKey()
                  + "' both go to service '"
                  + k
                  + "'");
        }
        out.put(k, e.getValue());
      }
      return out;
    }
  }

  /**
   * The KuSP side derived from an inventory service: replicas = its machines; request = the
   * right-sizing target when usage is given, else everything a machine of its type leaves the
   * service (its capacity less the LeSP agents), capped at that room either way; usage from the
   * profile, else a quarter of the request (the {@link Service#builder} default ratio).
   */
  static Service derivedService(
      String name,
      int machines,
      InstanceType type,
      MachineAgents agents,
      UsageProfile p,
      Resources target) {
    Resources room = LespSide.room(type, agents);
    Resources request = room;
    if (target != null) {
      request =
          Resources.of(
              Math.min(room.milliCpu(), target.milliCpu()),
              Math.min(room.memoryMib(), target.memoryMib()));
    }
    Service s =
        Service.builder(name)
            .instances(machines)
            .request(request)
            .usage(Resources.of(request.milliCpu() / 4, request.memoryMib() / 4))
            .build();
    return p == null ? s : p.applyTo(s);
  }

  static String manifest(ImportedWorkload w) {
    return w.kind() + " " + w.namespace() + "/" + w.name() + " (" + w.source() + ")";
  }

  static String inventoryLine(String legacyName, ServiceInventory s) {
    StringBuilder b = new StringBuilder(legacyName).append(':');
    String sep = " ";
    for (Map.Entry<String, Integer> e : s.byType().entrySet()) {
      b.append(sep).append(e.getValue()).append(" x ").append(e.getKey());
      sep = ", ";
    }
    return b.toString();
  }

  private static String usageKind(UsageProfile p) {
    return p == null ? "" : p.samples() > 0 ? "series" : "percentiles";
  }
}
