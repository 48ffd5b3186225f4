package io.platformsim.core.experiment;

import io.platformsim.core.kusp.KuspConfig;
import io.platformsim.core.lesp.LespConfig;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Service;
import io.platformsim.core.yaml.YamlMapping;
import java.util.List;
import java.util.Optional;

/**
 * Reads a listed service's {@code placement} section into {@link PlacementNeeds}, and checks its
 * zone spread against both platforms' zones once they are read: a spread over more zones than
 * either platform has cannot be honoured, and is reported at the {@code zoneSpread} line.
 */
final class PlacementReader {

  private static final List<String> PLACEMENT =
      List.of("zoneSpread", "antiAffinity", "dedicatedHardware");

  private PlacementReader() {}

  /** The service's placement needs: {@link PlacementNeeds#NONE} without the section. */
  static PlacementNeeds read(YamlMapping service) {
    Optional<YamlMapping> section = service.mapping("placement");
    if (section.isEmpty()) {
      return PlacementNeeds.NONE;
    }
    YamlMapping p = section.get();
    p.only(PLACEMENT);
    PlacementNeeds none = PlacementNeeds.NONE;
    return new PlacementNeeds(
        p.integer("zoneSpread", 1, Integer.MAX_VALUE, none.zoneSpread()),
        p.bool("antiAffinity", none.antiAffinity()),
        p.bool("dedicatedHardware", none.dedicatedHardware()));
  }

  /**
   * Refuses a {@code zoneSpread} above the zones of KuSP or of LeSP, naming both zone lists.
   *
   * @throws io.platformsim.core.yaml.YamlFileException at the {@code zoneSpread} line
   */
  static void checkZones(YamlMapping service, Service svc, KuspConfig kusp, LespConfig lesp) {
    String problem = zoneProblem(svc, kusp, lesp);
    if (problem != null) {
      throw service.requiredMapping("placement").error("zoneSpread", problem);
    }
  }

  /**
   * What is wrong with {@code svc}'s zone spread on these platforms, or null if nothing: the one
   * check of the file and of {@link Scenario}'s constructor.
   */
  static String zoneProblem(Service svc, KuspConfig kusp, LespConfig lesp) {
    int spread = svc.placement().zoneSpread();
    int zones = Math.min(kusp.zones().size(), lesp.zones().size());
    if (spread <= zones) {
      return null;
    }
    return "service '"
        + svc.name()
        + "' zoneSpread "
        + spread
        + " is above the zones a platform has: KuSP "
        + kusp.zones()
        + ", LeSP "
        + lesp.zones()
        + "; at most "
        + zones;
  }
}
