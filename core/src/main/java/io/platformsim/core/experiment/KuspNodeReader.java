package io.platformsim.core.experiment;

import io.platformsim.core.kusp.DaemonSet;
import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.kusp.NodeType;
import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the node part of the {@code kusp} section for {@link KuspReader}: what a node keeps for
 * itself ({@code reserved}, {@code daemonSets}), how long one takes to join ({@code
 * nodeProvisioning}) and how it gets images ({@code imagePulls}). An absent field keeps the {@link
 * KuspConfig.Builder} default, whose upstream source is cited on the builder.
 *
 * <p>The checks that need the node type (allocatable above 0 after the reservations, DaemonSets
 * within it) are made here so the error points at {@code reserved} or {@code daemonSets} rather
 * than at the whole section.
 */
final class KuspNodeReader {

  /** Fields of {@code reserved}. */
  static final List<String> RESERVED = List.of("kube", "system", "evictionHard");

  /** Fields of {@code reserved.kube} and {@code reserved.system}. */
  static final List<String> RESERVATION = List.of("cpu", "memory");

  /** Fields of one {@code daemonSets} item. */
  static final List<String> DAEMON_SET = List.of("name", "cpu", "memory");

  /** Fields of {@code imagePulls}. */
  static final List<String> IMAGE_PULLS =
      List.of("nodeBandwidth", "registryBandwidth", "maxParallel", "preloaded");

  private KuspNodeReader() {}

  /**
   * Reads {@code reserved}, {@code daemonSets}, {@code nodeProvisioning} and {@code imagePulls} of
   * {@code m} into {@code b}; {@code type} is the node type the section chose (for the allocatable
   * checks), {@code workload} the services whose images {@code imagePulls.preloaded} names.
   */
  static void read(YamlMapping m, KuspConfig.Builder b, NodeType type, Workload workload) {
    KuspConfig defaults = KuspConfig.builder().build();
    Resources kube = defaults.kubeReserved();
    Resources system = defaults.systemReserved();
    long eviction = defaults.evictionHardMemoryMib();
    Optional<YamlMapping> reserved = m.mapping("reserved");
    if (reserved.isPresent()) {
      YamlMapping r = reserved.get();
      r.only(RESERVED);
      kube = reservation(r, "kube", kube);
      system = reservation(r, "system", system);
      eviction = r.read("evictionHard", Units.MEMORY_MIB, eviction);
      b.reserved(kube, system).evictionHardMemoryMib(eviction);
    }
    // Allocatable = capacity - kube-reserved - system-reserved - eviction threshold, as
    // KuspConfig.allocatable() computes it.
    long cpu = type.capacity().milliCpu() - kube.milliCpu() - system.milliCpu();
    long mem = type.capacity().memoryMib() - kube.memoryMib() - system.memoryMib() - eviction;
    if (reserved.isPresent() && (cpu <= 0 || mem <= 0)) {
      throw m.error(
          "reserved",
          "leaves node type '"
              + type.name()
              + "' no allocatable "
              + (cpu <= 0 ? "CPU" : "memory")
              + ": capacity "
              + type.capacity()
              + " minus kube "
              + kube
              + ", system "
              + system
              + " and evictionHard "
              + eviction
              + " MiB");
    }
    if (m.has("daemonSets")) {
      List<DaemonSet> ds = daemonSets(m, type);
      Resources total = Resources.ZERO;
      for (DaemonSet d : ds) {
        total = total.plus(d.request());
      }
      if (cpu > 0 && mem > 0 && !total.fitsIn(Resources.of(cpu, mem))) {
        throw m.error(
            "daemonSets",
            "request "
                + total
                + " in total, more than node type '"
                + type.name()
                + "' allocatable "
                + Resources.of(cpu, mem));
      }
      b.daemonSets(ds.toArray(new DaemonSet[0]));
    }
    b.nodeProvisioning(
        LespMachineReader.distribution(m, "nodeProvisioning", defaults.nodeProvisioning()));
    Optional<YamlMapping> pulls = m.mapping("imagePulls");
    if (pulls.isPresent()) {
      imagePulls(pulls.get(), b, defaults, workload);
    }
  }

  /** {@code {cpu, memory}} under {@code key}, each default 0; {@code dflt} if absent. */
  private static Resources reservation(YamlMapping r, String key, Resources dflt) {
    Optional<YamlMapping> section = r.mapping(key);
    if (section.isEmpty()) {
      return dflt;
    }
    YamlMapping s = section.get();
    s.only(RESERVATION);
    return Resources.of(s.read("cpu", Units.MILLI_CPU, 0L), s.read("memory", Units.MEMORY_MIB, 0L));
  }

  /** The {@code daemonSets} list ({@code []} = none): distinct names, fewer than the pod slots. */
  private static List<DaemonSet> daemonSets(YamlMapping m, NodeType type) {
    List<DaemonSet> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMapping d : m.list("daemonSets").orElseThrow().mappings()) {
      d.only(DAEMON_SET);
      String name = d.string("name", null).trim();
      if (!names.add(name)) {
        throw d.error("name", "duplicate DaemonSet '" + name + "'");
      }
      out.add(
          new DaemonSet(
              name,
              Resources.of(
                  d.read("cpu", Units.MILLI_CPU, 0L), d.read("memory", Units.MEMORY_MIB, 0L))));
    }
    if (out.size() >= type.maxPods()) {
      throw m.error(
          "daemonSets",
          out.size()
              + " DaemonSets leave no pod slot for services on node type '"
              + type.name()
              + "' (maxPods "
              + type.maxPods()
              + ")");
    }
    return out;
  }

  private static void imagePulls(
      YamlMapping p, KuspConfig.Builder b, KuspConfig defaults, Workload workload) {
    p.only(IMAGE_PULLS);
    b.nodeBandwidth(bandwidth(p, "nodeBandwidth", defaults.nodeBandwidthBytesPerSecond()));
    b.registryBandwidth(
        bandwidth(p, "registryBandwidth", defaults.registryBandwidthBytesPerSecond()));
    b.maxParallelImagePulls(p.integer("maxParallel", 0, 10_000, defaults.maxParallelImagePulls()));
    if (p.has("preloaded")) {
      b.preloadedImages(preloaded(p, workload).toArray(new ImageDescription[0]));
    }
  }

  /** Bytes per second, written as a size ({@code 100MB}); at least 1 B. */
  private static long bandwidth(YamlMapping p, String key, long dflt) {
    long v = p.read(key, Units.BYTES, dflt);
    if (v < 1) {
      throw p.error(key, "must be at least 1B (bytes per second), was '" + p.text(key) + "'");
    }
    return v;
  }

  /**
   * The images of {@code preloaded}, each named by the image reference of a service of the workload
   * (the image as the service declares it, layers and all).
   */
  private static List<ImageDescription> preloaded(YamlMapping p, Workload workload) {
    Map<String, ImageDescription> byReference = new LinkedHashMap<>();
    for (Service s : workload.services()) {
      byReference.putIfAbsent(s.image().reference(), s.image());
    }
    List<ImageDescription> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String ref : p.list("preloaded").orElseThrow().names()) {
      String r = ref.trim();
      ImageDescription img = byReference.get(r);
      if (img == null) {
        throw p.error(
            "preloaded",
            "'"
                + r
                + "' is not the image of any service"
                + Suggestions.didYouMean(r, byReference.keySet()));
      }
      if (!seen.add(r)) {
        throw p.error("preloaded", "lists '" + r + "' twice");
      }
      out.add(img);
    }
    return out;
  }
}
