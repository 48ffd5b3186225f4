package io.platformsim.fleet.scenario;

import io.platformsim.core.workload.LoadCurve;
import io.platformsim.fleet.inventory.InstanceCatalogue;
import io.platformsim.fleet.inventory.Inventory;
import io.platformsim.fleet.manifests.ImportedWorkloads;
import io.platformsim.fleet.usage.RightSizing;
import io.platformsim.fleet.usage.UsageProfile;
import java.util.Map;

/** Assembles a scenario from imported parts: manifests, inventory, usage. */
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

    /** Usage profiles keyed by service name (optional). */
    public Builder usage(Map<String, UsageProfile> byService) {
      usage = Map.copyOf(byService);
      return this;
    }

    /** Daily load curves keyed by service name (optional). */
    public Builder dailyLoad(Map<String, LoadCurve> byService) {
      dailyLoad = Map.copyOf(byService);
      return this;
    }

    /** Legacy-to-Kubernetes renames (optional). */
    public Builder renames(ServiceRenames r) {
      renames = r;
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
     * @throws FleetImportException on conflicting or dangling inputs
     */
    public ImportedFleet build() {
      throw new UnsupportedOperationException("FleetImport.build: not yet");
    }
  }
}
