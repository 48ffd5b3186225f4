package io.platformsim.core.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platforms a {@link Comparison} runs, by name, in order: the first is the baseline every ratio
 * divides by, and reports list the platforms in this order. Immutable: {@link #with} and {@link
 * #only} return new registries.
 *
 * <pre>{@code
 * PlatformRegistry platforms = PlatformRegistry.standard().with("bare", (scenario, sim, streams) -> ...);
 * ComparisonResult r = Comparison.run(scenario, platforms);   // lesp (baseline), kusp, bare
 * }</pre>
 */
public final class PlatformRegistry {

  /**
   * Names are JSON keys and CSV values: a lower-case letter, then lower-case letters, digits or
   * '-'.
   */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final Map<String, PlatformFactory> factories;

  private PlatformRegistry(Map<String, PlatformFactory> factories) {
    this.factories = Collections.unmodifiableMap(factories);
  }

  /** No platforms. */
  public static PlatformRegistry empty() {
    return new PlatformRegistry(new LinkedHashMap<>());
  }

  /** {@code lesp} (LeSP, the baseline) then {@code kusp} (KuSP). */
  public static PlatformRegistry standard() {
    return empty().with("lesp", new LespFactory()).with("kusp", new KuspFactory());
  }

  /**
   * Every platform the project ships, for choosing by name ({@code compare --platforms}, {@link
   * #only}): {@link #standard()} then the variants, {@code kusp-rightsized} (KuSP with each
   * service's {@code deployment.rightSized} request, labelled {@code KuSP right-sized}; its {@link
   * PlatformFactory#adapt} refuses a scenario without one). Run them all only on a scenario that
   * has right-sized requests; {@code withVariants().only("lesp", "kusp", "kusp-rightsized")} picks
   * them in order.
   */
  public static PlatformRegistry withVariants() {
    return standard().with(RightSizedKuspFactory.NAME, new RightSizedKuspFactory());
  }

  /**
   * This registry plus {@code factory} under {@code name}, last in order.
   *
   * @throws IllegalArgumentException if the name is taken or not a lower-case name, naming it
   */
  public PlatformRegistry with(String name, PlatformFactory factory) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "platform name must be a lower-case letter followed by lower-case letters,"
              + " digits or '-', was '"
              + name
              + "'");
    }
    if (factories.containsKey(name)) {
      throw new IllegalArgumentException("platform '" + name + "' is already registered");
    }
    if (factory == null) {
      throw new IllegalArgumentException("platform '" + name + "' needs a factory");
    }
    Map<String, PlatformFactory> copy = new LinkedHashMap<>(factories);
    copy.put(name, factory);
    return new PlatformRegistry(copy);
  }

  /**
   * Only the named platforms, in the order given.
   *
   * @throws IllegalArgumentException for an unknown name, naming it and the known ones
   */
  public PlatformRegistry only(String... names) {
    PlatformRegistry out = empty();
    for (String n : names) {
      out = out.with(n, factory(n));
    }
    return out;
  }

  /** The names, in order. */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /** Number of platforms. */
  public int size() {
    return factories.size();
  }

  /**
   * The factory registered under {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name, naming it and the known ones
   */
  public PlatformFactory factory(String name) {
    PlatformFactory f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "no platform '" + name + "'; registered: " + new ArrayList<>(factories.keySet()));
    }
    return f;
  }

  @Override
  public String toString() {
    return "PlatformRegistry" + factories.keySet();
  }
}
