package io.platformsim.fleet.scenario;

import io.platformsim.core.kusp.DeploymentSpec;
import io.platformsim.fleet.manifests.ImportedWorkload;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A workload's pod labels, node affinity, pod anti-affinity and topology spread as the scenario's
 * Deployment placement terms.
 *
 * <p>One rule needs the whole import: every simulated pod carries {@code app=<service>}, the label
 * the model's own selectors use, so a manifest's own {@code app} label cannot stay. A selector that
 * names {@code app} values (an anti-affinity or spread term, usually of the workload itself) is
 * rewritten to the names of the services whose manifests carried those values, so it selects the
 * same pods as in the cluster. The other labels go in as they are.
 */
final class PlacementMapping {

  /** The label every simulated pod carries with its service's name. */
  static final String APP = "app";

  /** The DaemonSet controller's label, which the model sets on DaemonSet pods only. */
  private static final String TEMPLATE_GENERATION = "pod-template-generation";

  /** Manifest {@code app} label value to the services whose pods carried it (sorted). */
  private final Map<String, Set<String>> appOwners = new TreeMap<>();

  /** The {@code app} owners of {@code workloads}, keyed by scenario service name. */
  PlacementMapping(Map<String, ImportedWorkload> workloads) {
    workloads.forEach(
        (service, w) -> {
          String app = w.labels().get(APP);
          if (app != null) {
            appOwners.computeIfAbsent(app, k -> new TreeSet<>()).add(service);
          }
        });
  }

  /** Puts {@code w}'s placement terms into {@code b}; what changed on the way goes to notes. */
  void apply(ImportedWorkload w, String service, DeploymentSpec.Builder b, List<String> notes) {
    Map<String, String> labels = new TreeMap<>(w.labels());
    String app = labels.remove(APP);
    if (app != null && !app.equals(service)) {
      notes.add(
          service
              + ": label app="
              + app
              + " carried as app="
              + service
              + " (the model's own label); selectors on app="
              + app
              + " select "
              + String.join(", ", appOwners.get(app)));
    }
    if (labels.remove(TEMPLATE_GENERATION) != null) {
      notes.add(service + ": label " + TEMPLATE_GENERATION + " dropped (the model sets it)");
    }
    b.labels(labels);
    b.requiredNodeAffinity(w.details().requiredNodeAffinity());
    b.preferredNodeAffinity(w.details().preferredNodeAffinity());
    List<AntiAffinityTerm> anti = new ArrayList<>();
    for (AntiAffinityTerm t : w.details().podAntiAffinity()) {
      anti.add(new AntiAffinityTerm(selector(t.selector()), t.topologyKey()));
    }
    b.podAntiAffinity(anti);
    List<SpreadConstraint> spread = new ArrayList<>();
    for (SpreadConstraint c : w.details().topologySpread()) {
      spread.add(
          new SpreadConstraint(
              c.maxSkew(), c.topologyKey(), c.whenUnsatisfiable(), selector(c.selector())));
    }
    b.topologySpread(spread);
  }

  /** {@code s} with each {@code app} value replaced by the services that carried it. */
  LabelSelector selector(LabelSelector s) {
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : s.requirements()) {
      out.add(r.key().equals(APP) ? new Requirement(APP, r.operator(), owners(r.values())) : r);
    }
    return new LabelSelector(out);
  }

  /** The services owning {@code values}; a value no manifest carried stays (it selects none). */
  private List<String> owners(Collection<String> values) {
    Set<String> names = new TreeSet<>();
    for (String v : values) {
      names.addAll(appOwners.getOrDefault(v, Set.of(v)));
    }
    return List.copyOf(names);
  }
}
