package io.platformsim.fleet.scenario;

import java.util.Objects;

/**
 * Where one service of an imported scenario came from, for the comment above it in the YAML and the
 * import report.
 *
 * @param service the scenario's service name
 * @param manifest the workload it was read from, e.g. {@code "Deployment shop/cart
 *     (shop/helm.yaml#3)"}, or {@code ""} when it is in no manifest
 * @param inventory its legacy machines, e.g. {@code "asg shop-cart-prod: 6 x m5.large"}, or {@code
 *     ""} when it is in no inventory
 * @param usage {@code "series"}, {@code "percentiles"}, or {@code ""} when no usage was given
 * @param lespDerived true when the LeSP side was derived from the manifest (no inventory)
 * @param kuspDerived true when the KuSP side was derived from the inventory (no manifest)
 */
public record ServiceOrigin(
    String service,
    String manifest,
    String inventory,
    String usage,
    boolean lespDerived,
    boolean kuspDerived) {

  /** Rejects nulls. */
  public ServiceOrigin {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(usage, "usage");
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(service).append(':');
    if (!manifest.isEmpty()) {
      b.append(" manifest ").append(manifest);
    }
    if (!inventory.isEmpty()) {
      b.append(manifest.isEmpty() ? "" : ";").append(" inventory ").append(inventory);
    }
    if (!usage.isEmpty()) {
      b.append("; usage ").append(usage);
    }
    if (lespDerived) {
      b.append("; LeSP derived");
    }
    if (kuspDerived) {
      b.append("; KuSP derived");
    }
    return b.toString();
  }
}
