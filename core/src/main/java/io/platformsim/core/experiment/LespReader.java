package io.platformsim.core.experiment;

import io.platformsim.core.lesp.AutoScaling;
import io.platformsim.core.lesp.BaseImage;
import io.platformsim.core.lesp.BatchSize;
import io.platformsim.core.lesp.ConfigManagement;
import io.platformsim.core.lesp.DeploySteps;
import io.platformsim.core.lesp.DeployStrategy;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code lesp} section of a scenario file; every field it does not name keeps the {@link
 * LespConfig} default. The machine fields (menu, agents, pins, duration distributions) are read by
 * {@link LespMachineReader}.
 */
final class LespReader {

  private static final List<String> LESP =
      List.of(
          "headroom",
          "strategy",
          "imageBatch",
          "replaceFailed",
          "menu",
          "pin",
          "agents",
          "pending",
          "boot",
          "bake",
          "bootFailure",
          "meanTimeToCrash",
          "configManagement",
          "autoScaling",
          "deploySteps",
          "baseImage",
          "serviceAutoScaling",
          "pools");

  /** Fields of {@code deploySteps}, after {@link DeploySteps}'. */
  static final List<String> DEPLOY_STEPS = List.of("drain", "extract", "fetchBandwidth");

  /** Fields of {@code baseImage}, after {@link BaseImage}'s. */
  static final List<String> BASE_IMAGE = List.of("name", "version");

  /** Fields of {@code configManagement}, after {@link ConfigManagement}'s. */
  static final List<String> CONFIG_MANAGEMENT =
      List.of("converge", "failure", "attempts", "parallelism", "periodic", "interval", "splay");

  /** Fields of {@code autoScaling}, after {@link AutoScaling}'s. */
  static final List<String> AUTO_SCALING =
      List.of("target", "min", "max", "cooldown", "evaluation");

  /** {@code canary <n> watch <duration> then rolling <batch>}. */
  private static final Pattern CANARY =
      Pattern.compile("canary\\s+(\\d+)\\s+watch\\s+(\\S+)\\s+then\\s+rolling\\s+(\\S+)");

  private LespReader() {}

  /**
   * The LeSP configuration of {@code section} (the defaults if absent) with the file's identity;
   * pins are checked against {@code workload}'s services.
   */
  static LespConfig read(
      Optional<YamlMapping> section, IdentityReader identity, Workload workload) {
    LespConfig defaults = LespConfig.defaults();
    LespConfig.Builder b = LespConfig.builder().identity(identity.lesp(defaults.identity()));
    if (section.isEmpty()) {
      return b.build();
    }
    YamlMapping m = section.get();
    m.only(LESP);
    double headroom = m.decimal("headroom", defaults.headroom());
    if (!(headroom >= 0) || headroom > 10) {
      throw m.error(
          "headroom", "must be in [0, 10] (a fraction of the instances), was " + headroom);
    }
    b.headroom(headroom);
    if (m.has("strategy")) {
      DeployStrategy strategy = strategy(m);
      if (strategy instanceof DeployStrategy.Canary c) {
        smallestPool(
            m, pools(m, workload, defaults.withHeadroom(headroom)), c.canaryMachines(), workload);
      }
      b.strategy(strategy);
    }
    if (m.has("imageBatch")) {
      b.imageBatch(batch(m, "imageBatch", m.text("imageBatch").trim()));
    }
    b.replaceFailed(m.bool("replaceFailed", defaults.replaceFailed()));
    InstanceMenu menu = LespMachineReader.menu(m, defaults.menu());
    MachineAgents agents = LespMachineReader.agents(m, defaults.agents());
    b.menu(menu).agents(agents);
    LespMachineReader.pins(m, menu, agents, workload, b);
    b.pending(LespMachineReader.distribution(m, "pending", defaults.pending()));
    b.boot(LespMachineReader.distribution(m, "boot", defaults.boot()));
    b.bake(LespMachineReader.distribution(m, "bake", defaults.bake()));
    double bootFailure = m.decimal("bootFailure", defaults.bootFailureProbability());
    if (!(bootFailure >= 0 && bootFailure < 1)) {
      throw m.error("bootFailure", "must be a probability in [0, 1), was " + bootFailure);
    }
    b.bootFailureProbability(bootFailure);
    if (m.has("meanTimeToCrash")) {
      long mttc = m.read("meanTimeToCrash", Units.DURATION, null);
      if (mttc <= 0) {
        throw m.error(
            "meanTimeToCrash",
            "must be above 0 (leave it out for no crashes), was '"
                + m.text("meanTimeToCrash")
                + "'");
      }
      b.meanTimeToCrashMillis(mttc);
    }
    Optional<YamlMapping> cm = m.mapping("configManagement");
    if (cm.isPresent()) {
      b.configManagement(configManagement(cm.get(), defaults.configManagement()));
    }
    Optional<YamlMapping> as = m.mapping("autoScaling");
    if (as.isPresent()) {
      b.autoScaling(autoScaling(as.get()));
    }
    Optional<YamlMapping> steps = m.mapping("deploySteps");
    if (steps.isPresent()) {
      b.deploySteps(deploySteps(steps.get(), defaults.deploySteps()));
    }
    Optional<YamlMapping> image = m.mapping("baseImage");
    if (image.isPresent()) {
      YamlMapping i = image.get();
      i.only(BASE_IMAGE);
      b.baseImage(
          new BaseImage(
              i.string("name", defaults.baseImage().name()),
              i.string("version", defaults.baseImage().version())));
    }
    Optional<YamlMapping> perService = m.mapping("serviceAutoScaling");
    if (perService.isPresent()) {
      YamlMapping p = perService.get();
      for (String name : p.keys()) {
        if (!workload.contains(name)) {
          List<String> names = workload.services().stream().map(Service::name).toList();
          throw p.error(
              name,
              "auto-scales unknown service '" + name + "'" + Suggestions.didYouMean(name, names));
        }
        b.autoScaling(name, autoScaling(p.requiredMapping(name)));
      }
    }
    pools(m, workload, defaults).poolSizes().forEach(b::poolSize);
    return b.build();
  }

  /**
   * {@code pools: {service: machines}}: {@code base} with each named service's pool size; an
   * unknown service or a count below 1 is an error at its line.
   */
  private static LespConfig pools(YamlMapping m, Workload workload, LespConfig base) {
    Optional<YamlMapping> section = m.mapping("pools");
    if (section.isEmpty()) {
      return base;
    }
    YamlMapping p = section.get();
    LespConfig c = base;
    for (String name : p.keys()) {
      if (!workload.contains(name)) {
        List<String> names = workload.services().stream().map(Service::name).toList();
        throw p.error(
            name,
            "sizes the pool of unknown service '"
                + name
                + "'"
                + Suggestions.didYouMean(name, names));
      }
      int machines = p.integer(name, 1, 1_000_000, null);
      c = c.withPoolSize(name, machines);
    }
    return c;
  }

  /** {@code deploySteps}: drain and extract distributions, artifact fetch bandwidth per second. */
  private static DeploySteps deploySteps(YamlMapping d, DeploySteps dflt) {
    d.only(DEPLOY_STEPS);
    long bandwidth = d.read("fetchBandwidth", Units.BYTES, dflt.fetchBytesPerSecond());
    if (bandwidth <= 0) {
      throw d.error(
          "fetchBandwidth",
          "must be above 0 (bytes per second), was '" + d.text("fetchBandwidth") + "'");
    }
    return new DeploySteps(
        LespMachineReader.distribution(d, "drain", dflt.drain()),
        LespMachineReader.distribution(d, "extract", dflt.extract()),
        bandwidth);
  }

  /**
   * {@code rolling <n>}, {@code rolling <p>%}, {@code blue-green}, or {@code canary <n> watch
   * <duration> then rolling <n | p%>}.
   */
  private static DeployStrategy strategy(YamlMapping m) {
    String s = m.text("strategy").trim().toLowerCase(Locale.ROOT);
    if (s.equals("blue-green") || s.equals("bluegreen")) {
      return DeployStrategy.blueGreen();
    }
    if (s.startsWith("rolling ")) {
      return new DeployStrategy.Rolling(batch(m, "strategy", s.substring(8).trim()));
    }
    Matcher c = CANARY.matcher(s);
    if (c.matches()) {
      int canary;
      try {
        canary = Integer.parseInt(c.group(1));
      } catch (NumberFormatException e) {
        canary = 0;
      }
      if (canary < 1) {
        throw m.error(
            "strategy", "canary machines must be at least 1, was '" + m.text("strategy") + "'");
      }
      Long watch = Units.parseDuration(c.group(2));
      if (watch == null) {
        throw m.error(
            "strategy",
            "canary watch must be a duration with a unit like 10m, was '" + c.group(2) + "'");
      }
      return new DeployStrategy.Canary(canary, watch, batch(m, "strategy", c.group(3)));
    }
    throw m.error(
        "strategy",
        "expected 'rolling <n>', 'rolling <p>%', 'blue-green' or"
            + " 'canary <n> watch <duration> then rolling <n or p%>', was '"
            + m.text("strategy")
            + "'");
  }

  /** A canary of {@code canary} machines needs every pool to have at least that many. */
  private static void smallestPool(YamlMapping m, LespConfig c, int canary, Workload workload) {
    for (var s : workload.services()) {
      int pool = c.poolSize(s);
      if (pool < canary) {
        throw m.error(
            "strategy",
            "canary of "
                + canary
                + " machines is larger than the pool of service '"
                + s.name()
                + "' ("
                + pool
                + " machines), was '"
                + m.text("strategy")
                + "'");
      }
    }
  }

  /** {@code {converge, failure, attempts, parallelism, periodic, interval, splay}}. */
  private static ConfigManagement configManagement(YamlMapping c, ConfigManagement d) {
    c.only(CONFIG_MANAGEMENT);
    double failure = c.decimal("failure", d.failureProbability());
    if (!(failure >= 0 && failure < 1)) {
      throw c.error("failure", "must be a probability in [0, 1), was " + failure);
    }
    long interval = c.read("interval", Units.DURATION, d.intervalMillis());
    if (interval <= 0) {
      throw c.error("interval", "must be above 0, was '" + c.text("interval") + "'");
    }
    return new ConfigManagement(
        LespMachineReader.distribution(c, "converge", d.converge()),
        failure,
        c.integer("attempts", 1, 1_000, d.maxAttempts()),
        c.integer("parallelism", 1, 100_000, d.parallelism()),
        c.bool("periodic", d.periodic()),
        interval,
        c.read("splay", Units.DURATION, d.splayMillis()));
  }

  /**
   * {@code {target, min, max, cooldown, evaluation}}: target and max required, min default 1,
   * cooldown and evaluation {@link AutoScaling}'s defaults.
   */
  private static AutoScaling autoScaling(YamlMapping a) {
    a.only(AUTO_SCALING);
    double target = a.decimal("target", null);
    if (!(target > 0 && target <= 1)) {
      throw a.error("target", "must be a CPU utilization in (0, 1], was " + target);
    }
    int min = a.integer("min", 1, 100_000, 1);
    int max = a.integer("max", 1, 100_000, null);
    if (max < min) {
      throw a.error("max", "must be >= min " + min + ", was " + max);
    }
    long evaluation = a.read("evaluation", Units.DURATION, AutoScaling.DEFAULT_EVALUATION_MILLIS);
    if (evaluation <= 0) {
      throw a.error("evaluation", "must be above 0, was '" + a.text("evaluation") + "'");
    }
    return new AutoScaling(
        target,
        a.read("cooldown", Units.DURATION, AutoScaling.DEFAULT_COOLDOWN_MILLIS),
        evaluation,
        min,
        max);
  }

  /** {@code 5} machines or {@code 25%} of the pool. */
  private static BatchSize batch(YamlMapping m, String field, String v) {
    try {
      if (v.endsWith("%")) {
        return BatchSize.percent(Integer.parseInt(v.substring(0, v.length() - 1).trim()));
      }
      return BatchSize.machines(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw m.error(field, "expected a machine count or a percentage like 25%, was '" + v + "'");
    } catch (IllegalArgumentException e) {
      throw m.error(field, e.getMessage());
    }
  }
}
