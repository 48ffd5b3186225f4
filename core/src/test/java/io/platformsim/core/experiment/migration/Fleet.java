package io.platformsim.core.experiment.migration;

import io.platformsim.core.experiment.Scenario;
import io.platformsim.core.workload.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Tiny fleets for migration tests: services named and sized by hand. */
final class Fleet {

  private Fleet() {}

  /** Services {@code name:instances}, e.g. {@code "a:3", "b:1"}. */
  static List<Service> of(String... spec) {
    List<Service> out = new ArrayList<>();
    for (String s : spec) {
      String[] p = s.split(":");
      out.add(Service.builder(p[0]).instances(Integer.parseInt(p[1])).build());
    }
    return out;
  }

  /** A scenario holding {@code services} (the timeline reads only its workload). */
  static Scenario scenario(List<Service> services) {
    return Scenario.builder("fleet")
        .services(services)
        .horizon(Duration.ofMinutes(10))
        .replications(1)
        .seed(1)
        .build();
  }
}
