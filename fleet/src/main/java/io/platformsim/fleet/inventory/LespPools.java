package io.platformsim.fleet.inventory;

import io.platformsim.core.lesp.InstanceMenu;
import io.platformsim.core.lesp.InstanceType;
import io.platformsim.core.lesp.LespConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The LeSP side of a scenario from an inventory: per service its pool size (its machines) and its
 * pin to one instance type, and the menu of the catalogue types the pins use. LeSP runs a service
 * on one type, so a service whose machines span several types is pinned to the type most of them
 * run on ({@link ServiceInventory#mainType()}) and listed in {@code mixedTypes}.
 *
 * @param poolSizes service → machines, sorted by service
 * @param pins service → instance type name, sorted by service
 * @param menu the pinned types, in catalogue order
 * @param mixedTypes services whose machines ran on more than one type
 */
public record LespPools(
    Map<String, Integer> poolSizes,
    Map<String, String> pins,
    InstanceMenu menu,
    List<String> mixedTypes) {

  /** Copies the maps and list. */
  public LespPools {
    poolSizes = Collections.unmodifiableMap(new LinkedHashMap<>(poolSizes));
    pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
    mixedTypes = List.copyOf(mixedTypes);
  }

  /**
   * The pools of {@code inventory}, with types from {@code catalogue}.
   *
   * @throws IllegalArgumentException if the inventory has no service or names an unknown type
   */
  public static LespPools of(Inventory inventory, InstanceCatalogue catalogue) {
    if (inventory.services().isEmpty()) {
      throw new IllegalArgumentException("the inventory maps no machine to a service");
    }
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<String, String> pins = new LinkedHashMap<>();
    List<String> mixed = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (ServiceInventory s : inventory.services()) {
      sizes.put(s.service(), s.total());
      String type = catalogue.type(s.mainType()).name();
      pins.put(s.service(), type);
      used.add(type);
      if (s.byType().size() > 1) {
        mixed.add(s.service());
      }
    }
    List<String> menuOrder =
        catalogue.types().stream().map(InstanceType::name).filter(used::contains).toList();
    return new LespPools(sizes, pins, catalogue.menu(menuOrder), mixed);
  }

  /** Sets {@code builder}'s menu to {@link #menu} and pins every service; returns the builder. */
  public LespConfig.Builder applyTo(LespConfig.Builder builder) {
    builder.menu(menu);
    pins.forEach(builder::pin);
    return builder;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("LespPools[");
    poolSizes.forEach(
        (s, n) ->
            b.append("\n  ").append(s).append(": ").append(n).append(" × ").append(pins.get(s)));
    if (!mixedTypes.isEmpty()) {
      b.append("\n  pinned to their main type (mixed types): ").append(mixedTypes);
    }
    return b.append("\n]").toString();
  }
}
