package io.platformsim.core.kusp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The cluster autoscaler's expander ({@code --expander}, kubernetes/autoscaler
 * cluster-autoscaler/expander): which of the node pools that could take the pending pods grows.
 * Options come in pool order; the rules are upstream's, written from their descriptions:
 *
 * <ul>
 *   <li>{@link #RANDOM}: one option drawn uniformly ({@code expander/random/random.go} {@code
 *       BestOption}); the upstream default of {@code --expander} ({@code config/flags/flags.go}).
 *   <li>{@link #LEAST_WASTE}: the option whose new nodes leave the smallest unused fraction of CPU
 *       plus unused fraction of memory, node <em>capacity</em> × count against the sum of the pods'
 *       requests; ties go to {@link #RANDOM} ({@code expander/waste/waste.go} {@code BestOption},
 *       {@code resourcesForNode} reads {@code Status.Capacity}).
 *   <li>{@link #PRICE}: the smallest {@code unfitness × (node price × count + s) ÷ (pod price + s)}
 *       ({@code expander/price/price.go} {@code BestOption}); pod price is the GCE price model's
 *       0.033174 $/core-h + 0.004446 $/GiB-h of the requests ({@code
 *       cloudprovider/gce/gce_price_model.go} {@code PodPrice}), {@code s} the price of the
 *       500m/500 MiB stabilization pod, unfitness the larger ratio of the pool's CPU capacity to
 *       the preferred node's, whose CPU doubles as the cluster triples (1 core up to 2 nodes, 2 up
 *       to 6, 4 up to 20, 8 up to 60, 16 up to 200, else 32: {@code expander/price/preferred.go}
 *       {@code SimplePreferredNodeProvider}, {@code SimpleNodeUnfitness}), suppressed as the node
 *       count grows: {@code (u − 1)(1 − tanh((count − 1)/15)) + 1}. The first lowest score wins.
 *       Not modelled: the GPU override and the penalty of node groups yet to be created (every pool
 *       exists).
 * </ul>
 */
public enum Expander {
  /** Uniform draw among the options (upstream default). */
  RANDOM("random"),
  /** Least unused CPU + memory fraction; random among ties. */
  LEAST_WASTE("least-waste"),
  /** Cheapest node price per pod price, weighted by node-size unfitness. */
  PRICE("price");

  // gce_price_model.go: cpuPricePerHour, memoryPricePerHourPerGb (per GiB: gigabyte = 1024^3)
  static final double CPU_PRICE_PER_CORE_HOUR = 0.033174;
  static final double MEMORY_PRICE_PER_GIB_HOUR = 0.004446;
  // price.go priceStabilizationPod: 500 milli-CPU, 500 MiB
  static final double STABILIZATION_PRICE = podPrice(500, 500);

  private final String yamlName;

  Expander(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The {@code --expander} spelling, e.g. {@code least-waste}. */
  public String yamlName() {
    return yamlName;
  }

  /** The expander spelled {@code name} as upstream's flag value, if any. */
  public static Optional<Expander> named(String name) {
    for (Expander e : values()) {
      if (e.yamlName.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The upstream spellings, in declaration order. */
  public static List<String> names() {
    List<String> n = new ArrayList<>();
    for (Expander e : values()) {
      n.add(e.yamlName);
    }
    return n;
  }

  /**
   * The option this expander picks among {@code options} (not empty); {@code clusterNodes} is the
   * number of nodes the cluster has (the price expander's preferred node), {@code random} is drawn
   * only when a random choice among two or more options is needed.
   */
  public ExpansionOption best(
      List<ExpansionOption> options, int clusterNodes, RandomGenerator random) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("no expansion option to choose from");
    }
    return switch (this) {
      case RANDOM -> drawn(options, random);
      case LEAST_WASTE -> drawn(leastWaste(options), random);
      case PRICE -> cheapest(options, clusterNodes);
    };
  }

  private static ExpansionOption drawn(List<ExpansionOption> options, RandomGenerator random) {
    return options.size() == 1 ? options.get(0) : options.get(random.nextInt(options.size()));
  }

  /** waste.go: wasted CPU fraction + wasted memory fraction, the options with the least. */
  static List<ExpansionOption> leastWaste(List<ExpansionOption> options) {
    List<ExpansionOption> best = new ArrayList<>();
    double least = Double.POSITIVE_INFINITY;
    for (ExpansionOption o : options) {
      double score = waste(o);
      if (score < least) {
        least = score;
        best.clear();
      }
      if (score == least) {
        best.add(o);
      }
    }
    return best;
  }

  static double waste(ExpansionOption o) {
    double cpu = (double) o.nodeType().capacity().milliCpu() * o.nodeCount();
    double mem = (double) o.nodeType().capacity().memoryMib() * o.nodeCount();
    return (cpu - o.podRequests().milliCpu()) / cpu + (mem - o.podRequests().memoryMib()) / mem;
  }

  private static ExpansionOption cheapest(List<ExpansionOption> options, int clusterNodes) {
    ExpansionOption best = null;
    double bestScore = 0;
    for (ExpansionOption o : options) {
      double score = priceScore(o, clusterNodes);
      if (best == null || score < bestScore) {
        best = o;
        bestScore = score;
      }
    }
    return best;
  }

  /** price.go BestOption's optionScore for {@code o} in a cluster of {@code clusterNodes}. */
  static double priceScore(ExpansionOption o, int clusterNodes) {
    double nodes = o.nodeType().hourlyPriceUsd() * o.nodeCount();
    double pods = podPrice(o.podRequests().milliCpu(), o.podRequests().memoryMib());
    double priceSubScore = (nodes + STABILIZATION_PRICE) / (pods + STABILIZATION_PRICE);
    double preferred = preferredMilliCpu(clusterNodes);
    double own = o.nodeType().capacity().milliCpu();
    double unfitness = Math.max(preferred / own, own / preferred);
    double suppressed = (unfitness - 1) * (1 - Math.tanh((o.nodeCount() - 1) / 15.0)) + 1;
    return suppressed * priceSubScore;
  }

  /** gce_price_model.go PodPrice for one hour of {@code milliCpu} and {@code memoryMib}. */
  static double podPrice(long milliCpu, long memoryMib) {
    return milliCpu / 1000.0 * CPU_PRICE_PER_CORE_HOUR
        + memoryMib / 1024.0 * MEMORY_PRICE_PER_GIB_HOUR;
  }

  /** preferred.go SimplePreferredNodeProvider: CPU doubles each time the cluster triples. */
  static long preferredMilliCpu(int clusterNodes) {
    if (clusterNodes <= 2) {
      return 1000;
    } else if (clusterNodes <= 6) {
      return 2000;
    } else if (clusterNodes <= 20) {
      return 4000;
    } else if (clusterNodes <= 60) {
      return 8000;
    } else if (clusterNodes <= 200) {
      return 16000;
    }
    return 32000;
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
