package io.platformsim.core.experiment;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.ConfigManagement;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the {@code lesp} section as {@link LespReader} and {@link LespMachineReader} read it,
 * every field written out. A duration distribution the file cannot spell (only a fixed duration, a
 * uniform one and a lognormal of whole-millisecond median and p99 have a form) is left out, so it
 * reads back as the default. {@link LespConfig#zones()} is not written: both platforms share the
 * scenario's zones, {@code kusp.zones} ({@code LespFactory}); the {@linkplain LespConfig#identity()
 * identity} is written by {@link IdentityWriter}.
 */
final class LespWriter {

  private LespWriter() {}

  /** The {@code lesp} section of {@code c}; pins in the order of {@code workload}. */
  static void write(YamlLines y, LespConfig c, Workload workload) {
    y.open("lesp");
    y.field("headroom", Spelled.decimal(c.headroom()));
    y.field("strategy", strategy(c.strategy()));
    y.field("imageBatch", batch(c.imageBatch()));
    y.field("replaceFailed", Boolean.toString(c.replaceFailed()));
    y.open("menu");
    for (InstanceType t : c.menu().types()) {
      List<String> kv = new ArrayList<>(List.of("name", Spelled.text(t.name())));
      kv.addAll(ServicesWriter.resources(t.capacity()));
      kv.addAll(List.of("price", Spelled.decimal(t.hourlyPriceUsd())));
      y.flowItem(kv);
    }
    y.close();
    pins(y, c.pinnedTypes(), workload);
    if (c.agents().reservations().isEmpty()) {
      y.field("agents", "{}"); // none, not the default agents
    } else {
      y.open("agents");
      for (Map.Entry<String, Resources> a : c.agents().reservations().entrySet()) {
        y.flow(Spelled.text(a.getKey()), ServicesWriter.resources(a.getValue()));
      }
      y.close();
    }
    distribution(y, "pending", c.pending());
    distribution(y, "boot", c.boot());
    distribution(y, "bake", c.bake());
    y.field("bootFailure", Spelled.decimal(c.bootFailureProbability()));
    if (c.meanTimeToCrashMillis() > 0) {
      y.field("meanTimeToCrash", Spelled.duration(c.meanTimeToCrashMillis()));
    }
    ConfigManagement cm = c.configManagement();
    y.open("configManagement");
    distribution(y, "converge", cm.converge());
    y.field("failure", Spelled.decimal(cm.failureProbability()));
    y.field("attempts", Integer.toString(cm.maxAttempts()));
    y.field("parallelism", Integer.toString(cm.parallelism()));
    y.field("periodic", Boolean.toString(cm.periodic()));
    y.field("interval", Spelled.duration(cm.intervalMillis()));
    y.field("splay", Spelled.duration(cm.splayMillis()));
    y.close();
    Optional<AutoScaling> as = c.autoScaling();
    if (as.isPresent()) {
      y.flow("autoScaling", autoScaling(as.get()));
    }
    if (!c.serviceAutoScaling().isEmpty()) {
      y.open("serviceAutoScaling");
      for (Map.Entry<String, AutoScaling> e : c.serviceAutoScaling().entrySet()) {
        y.flow(Spelled.text(e.getKey()), autoScaling(e.getValue()));
      }
      y.close();
    }
    y.open("deploySteps");
    distribution(y, "drain", c.deploySteps().drain());
    distribution(y, "extract", c.deploySteps().extract());
    y.field("fetchBandwidth", Spelled.bytes(c.deploySteps().fetchBytesPerSecond()));
    y.close();
    y.flow(
        "baseImage",
        List.of(
            "name",
            Spelled.text(c.baseImage().name()),
            "version",
            Spelled.text(c.baseImage().version())));
    if (!c.poolSizes().isEmpty()) {
      y.open("pools");
      for (Map.Entry<String, Integer> e : c.poolSizes().entrySet()) {
        y.field(Spelled.text(e.getKey()), Integer.toString(e.getValue()));
      }
      y.close();
    }
    y.close();
  }

  private static List<String> autoScaling(AutoScaling a) {
    return List.of(
        "target",
        Spelled.decimal(a.targetUtilization()),
        "min",
        Integer.toString(a.minMachines()),
        "max",
        Integer.toString(a.maxMachines()),
        "cooldown",
        Spelled.duration(a.cooldownMillis()),
        "evaluation",
        Spelled.duration(a.evaluationMillis()));
  }

  /**
   * {@code pin}, services in workload order; a pin of a service the workload lacks last, by name
   * (the reader refuses it, naming it).
   */
  private static void pins(YamlLines y, Map<String, String> pinned, Workload workload) {
    if (pinned.isEmpty()) {
      y.field("pin", "{}");
      return;
    }
    Map<String, String> rest = new TreeMap<>(pinned);
    y.open("pin");
    for (Service s : workload.services()) {
      String type = rest.remove(s.name());
      if (type != null) {
        y.field(Spelled.text(s.name()), Spelled.text(type));
      }
    }
    rest.forEach((service, type) -> y.field(Spelled.text(service), Spelled.text(type)));
    y.close();
  }

  /** {@code rolling 5}, {@code rolling 25%}, {@code blue-green}, {@code canary 1 watch ...}. */
  static String strategy(DeployStrategy s) {
    if (s instanceof DeployStrategy.Rolling r) {
      return "rolling " + batch(r.batch());
    }
    if (s instanceof DeployStrategy.Canary c) {
      return "canary "
          + c.canaryMachines()
          + " watch "
          + Spelled.duration(c.bakeMillis())
          + " then rolling "
          + batch(c.rest());
    }
    return "blue-green";
  }

  private static String batch(BatchSize b) {
    return Spelled.countOrPercent(b.value(), b.percent());
  }

  /**
   * {@code field: 30s} (fixed), <code>field: {min: 8m, max: 10m}</code> (uniform) or <code>
   * field: {median: 23s, p99: 1m}</code> (lognormal of whole milliseconds); nothing for another
   * distribution, which the file cannot spell.
   */
  static void distribution(YamlLines y, String field, DurationDistribution d) {
    if (d instanceof DurationDistribution.Fixed f) {
      y.field(field, Spelled.duration(f.millis()));
    } else if (d instanceof DurationDistribution.Uniform u) {
      y.flow(
          field,
          List.of("min", Spelled.duration(u.minMillis()), "max", Spelled.duration(u.maxMillis())));
    } else if (d instanceof DurationDistribution.LogNormal l
        && isWholeMillis(l.medianMillis())
        && isWholeMillis(l.p99Millis())) {
      y.flow(
          field,
          List.of(
              "median",
              Spelled.duration((long) l.medianMillis()),
              "p99",
              Spelled.duration((long) l.p99Millis())));
    }
  }

  private static boolean isWholeMillis(double v) {
    return v == Math.rint(v) && v < Long.MAX_VALUE / 2;
  }
}
