package io.platformsim.core.experiment;

import io.platformsim.core.engine.DurationDistribution;
import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.lesp.MachineAgents;
import io.platformsim.core.workload.Resources;
import io.platformsim.core.workload.Service;
import io.platformsim.core.workload.Workload;
import io.platformsim.core.yaml.YamlFileException;
import io.platformsim.core.yaml.YamlList;
import io.platformsim.core.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the machine part of the {@code lesp} section for {@link LespReader}: the instance {@code
 * menu}, per-machine {@code agents}, {@code pin}s of services to instance types, and durations
 * written as distributions (a plain duration is fixed, {@code {median, p99}} is lognormal).
 */
final class LespMachineReader {

  /** Fields of one {@code menu} item. */
  static final List<String> MENU_ITEM = List.of("name", "cpu", "memory", "price");

  /** Fields of one agent under {@code agents}. */
  static final List<String> AGENT = List.of("cpu", "memory");

  /** Fields of the lognormal form of a duration. */
  static final List<String> DISTRIBUTION = List.of("median", "p99");

  /** Fields of a uniform distribution. */
  static final List<String> UNIFORM = List.of("min", "max");

  private static final List<String> DISTRIBUTION_OR_UNIFORM =
      List.of("median", "p99", "min", "max");

  private LespMachineReader() {}

  /**
   * The duration distribution of {@code field}, or {@code dflt} if absent: a plain duration ({@code
   * 30s}) is {@link DurationDistribution#fixed}, {@code {median, p99}} is {@link
   * DurationDistribution#logNormal} (median above 0, p99 above the median), {@code {min, max}} is
   * {@link DurationDistribution#uniform} (max above min).
   */
  static DurationDistribution distribution(YamlMapping m, String field, DurationDistribution dflt) {
    if (!m.has(field)) {
      return dflt;
    }
    if (m.scalar(field).isPresent()) {
      return DurationDistribution.fixed(m.read(field, Units.DURATION, null));
    }
    YamlMapping d = m.requiredMapping(field);
    d.only(DISTRIBUTION_OR_UNIFORM);
    if (d.has("min") || d.has("max")) {
      return uniform(d);
    }
    long median = d.read("median", Units.DURATION, null);
    long p99 = d.read("p99", Units.DURATION, null);
    if (median <= 0) {
      throw d.error("median", "must be above 0, was '" + d.text("median") + "'");
    }
    if (p99 <= median) {
      throw d.error(
          "p99",
          "must be above the median "
              + d.text("median").trim()
              + " (write a plain duration for a fixed one), was '"
              + d.text("p99")
              + "'");
    }
    return DurationDistribution.logNormal(median, p99);
  }

  /** {@code {min, max}}: uniform between the two; no median or p99 beside them. */
  private static DurationDistribution uniform(YamlMapping d) {
    for (String other : List.of("median", "p99")) {
      if (d.has(other)) {
        throw d.error(other, "give either {median, p99} or {min, max}, not both");
      }
    }
    long min = d.read("min", Units.DURATION, null);
    long max = d.read("max", Units.DURATION, null);
    if (max <= min) {
      throw d.error(
          "max",
          "must be above min "
              + d.text("min").trim()
              + " (write a plain duration for a fixed one), was '"
              + d.text("max")
              + "'");
    }
    return DurationDistribution.uniform(min, max);
  }

  /** The {@code menu} list of {@code {name, cpu, memory, price}}, or {@code dflt} if absent. */
  static InstanceMenu menu(YamlMapping m, InstanceMenu dflt) {
    Optional<YamlList> list = m.list("menu");
    if (list.isEmpty()) {
      return dflt;
    }
    List<YamlMapping> items = list.get().mappings();
    if (items.isEmpty()) {
      throw m.error("menu", "must list at least one instance type, was an empty list");
    }
    List<InstanceType> types = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlMapping t : items) {
      t.only(MENU_ITEM);
      String name = t.string("name", null);
      if (!names.add(name)) {
        throw t.error("name", "duplicate instance type '" + name + "' in the menu");
      }
      long cpu = t.read("cpu", Units.MILLI_CPU, null);
      if (cpu <= 0) {
        throw t.error("cpu", "must be above 0, was '" + t.text("cpu") + "'");
      }
      long memory = t.read("memory", Units.MEMORY_MIB, null);
      if (memory <= 0) {
        throw t.error("memory", "must be above 0, was '" + t.text("memory") + "'");
      }
      double price = t.decimal("price", null);
      if (price < 0) {
        throw t.error("price", "must be >= 0 (USD per hour), was " + price);
      }
      types.add(new InstanceType(name, Resources.of(cpu, memory), price));
    }
    return InstanceMenu.of(types);
  }

  /**
   * The {@code agents} mapping of agent name to {@code {cpu, memory}} (each default 0), or {@code
   * dflt} if absent; {@code agents: {}} means no agents.
   */
  static MachineAgents agents(YamlMapping m, MachineAgents dflt) {
    Optional<YamlMapping> section = m.mapping("agents");
    if (section.isEmpty()) {
      return dflt;
    }
    YamlMapping a = section.get();
    Map<String, Resources> reservations = new LinkedHashMap<>();
    for (String name : a.keys()) {
      YamlMapping agent = a.requiredMapping(name);
      agent.only(AGENT);
      reservations.put(
          name,
          Resources.of(
              agent.read("cpu", Units.MILLI_CPU, 0L), agent.read("memory", Units.MEMORY_MIB, 0L)));
    }
    return MachineAgents.of(reservations);
  }

  /**
   * Adds the {@code pin} mapping (service name to instance type name) to {@code b}: each service
   * must be in {@code workload} and each type in {@code menu}, large enough for one instance plus
   * {@code agents}; errors are at the pin's line.
   */
  static void pins(
      YamlMapping m,
      InstanceMenu menu,
      MachineAgents agents,
      Workload workload,
      LespConfig.Builder b) {
    Optional<YamlMapping> section = m.mapping("pin");
    if (section.isEmpty()) {
      return;
    }
    YamlMapping p = section.get();
    for (String name : p.keys()) {
      String type = p.string(name, null).trim();
      if (!workload.contains(name)) {
        List<String> names = workload.services().stream().map(Service::name).toList();
        throw p.error(
            name, "pins unknown service '" + name + "'" + Suggestions.didYouMean(name, names));
      }
      try {
        menu.pinned(workload.service(name), type, agents);
      } catch (YamlFileException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw p.error(name, e.getMessage());
      }
      b.pin(name, type);
    }
  }
}
