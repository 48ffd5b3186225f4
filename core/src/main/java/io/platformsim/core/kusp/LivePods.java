package io.platformsim.core.kusp;

import io.platformsim.core.workload.ImageDescription;
import io.platformsim.core.workload.PlacementNeeds;
import io.platformsim.core.workload.Resources;
import io.platformsim.scheduler.cluster.NodeSpec;
import io.platformsim.scheduler.pod.AntiAffinityTerm;
import io.platformsim.scheduler.pod.Container;
import io.platformsim.scheduler.pod.LabelSelector;
import io.platformsim.scheduler.pod.NodeSelectorTerm;
import io.platformsim.scheduler.pod.PodSpec;
import io.platformsim.scheduler.pod.Requirement;
import io.platformsim.scheduler.pod.SpreadConstraint;
import io.platformsim.scheduler.pod.WhenUnsatisfiable;
import io.platformsim.scheduler.resource.DimensionRegistry;
import io.platformsim.scheduler.resource.ResourceVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live pods (created, not yet gone) in creation order, as the API server holds them, and the
 * scheduler specs they are stamped from: one {@link PodSpec} per template, shared by every pod of a
 * ReplicaSet or DaemonSet, kept while a pod uses it.
 */
final class LivePods {
  static final String APP_LABEL = "app";
  // The label the DaemonSet controller puts on every pod it creates (upstream
  // pkg/controller/daemon/util/daemonset_util.go CreatePodTemplate, extensions/v1beta1
  // DaemonSetTemplateGenerationKey), "1" for a DaemonSet never updated: a dedicated service's
  // selector leaves out the pods carrying it.
  static final String DAEMON_GENERATION_LABEL = "pod-template-generation";

  private final Cluster c;
  // Live pods in creation order, each at its Pod.slot; a finished pod leaves a hole that a
  // compaction (order kept) reclaims. Nothing looks a pod up by name, so no map is needed: a
  // LinkedHashMap entry per pod was 40 bytes of a pod's retained heap.
  private Pod[] livePods = new Pod[64];
  private int liveEnd;
  private int liveCount;
  private long podSeq;
  // Scheduler specs by template, with how many live pods were stamped from each: a template goes
  // when its last pod does (a ReplicaSet scaled to zero after a release), and comes back equal if
  // a pod needs it again, so nothing simulated depends on whether it was kept.
  private final Map<PodTemplate, TemplateUse> templates = new HashMap<>();
  private final Map<String, ImageDescription> daemonImages = new HashMap<>();

  /** A template's scheduler spec and the live pods stamped from it. */
  static final class TemplateUse {
    final PodTemplate key;
    final PodSpec spec;
    int pods;
    // the kind of the template's first pod, shared by every later pod of an equal kind (all pods
    // of a ReplicaSet); a pod of another kind keeps its own
    PodKind kind;

    TemplateUse(PodTemplate key, PodSpec spec) {
      this.key = key;
      this.spec = spec;
    }
  }

  /**
   * What a pod's scheduler spec is built from, apart from its name: {@code zones} is the zones its
   * pods may use, empty for no zone constraint; {@code daemon} marks a DaemonSet's pods.
   */
  record PodTemplate(
      String service,
      String image,
      Resources request,
      int priority,
      boolean antiAffinity,
      List<String> zones,
      boolean dedicated,
      boolean daemon) {}

  LivePods(Cluster c) {
    this.c = c;
  }

  /**
   * Creates a Pending pod named {@code id} and adds it to the live pods ({@code d} null for a
   * DaemonSet pod).
   */
  Pod create(
      String id,
      String service,
      int revision,
      boolean daemon,
      ImageDescription image,
      Resources request,
      int priority,
      boolean broken,
      Deployment d) {
    Resources limits = d == null ? null : d.spec.limits();
    PlacementNeeds needs = d == null ? PlacementNeeds.NONE : d.service.placement();
    List<String> zones = needs.zoneSpread() > 1 ? needs.zones(c.config.zones()) : List.of();
    // One scheduler spec per template (a ReplicaSet's or DaemonSet's pods differ only in name):
    // each pod gets it renamed, sharing labels, containers and requests instead of copying them.
    PodTemplate key =
        new PodTemplate(
            service,
            image.reference(),
            request,
            priority,
            needs.antiAffinity(),
            zones,
            needs.dedicatedHardware(),
            daemon);
    TemplateUse use = templates.get(key);
    if (use == null) {
      use = new TemplateUse(key, spec(key, image, d == null ? null : d.spec));
      templates.put(key, use);
    }
    use.pods++;
    PodSpec template = use.spec;
    QosClass qos = QosClass.of(request, limits);
    PodKind kind = new PodKind(service, revision, image, request, qos, priority, use);
    if (kind.equals(use.kind)) {
      kind = use.kind;
    } else if (use.kind == null) {
      use.kind = kind;
    }
    Pod p = new Pod(++podSeq, kind, daemon, template.withId(id), broken, c.sim.now());
    addLive(p);
    c.recorder.podCreated();
    return p;
  }

  /**
   * The scheduler spec of {@code t}'s pods: label {@code app=<service>} (and the DaemonSet
   * controller's label on a DaemonSet's), the container's requests, and the placement terms:
   * antiAffinity a required anti-affinity term on the hostname selecting the service's own pods;
   * zoneSpread above 1 a required node affinity on the zone key (when the zones allowed are not all
   * of them) and a topology spread constraint over it, maxSkew 1, DoNotSchedule; dedicated hardware
   * a required anti-affinity term on the hostname selecting every other service's pods but
   * DaemonSet pods ({@code app Exists, app NotIn [service], pod-template-generation DoesNotExist}).
   * The scheduler checks a required anti-affinity term both ways (upstream
   * pkg/scheduler/framework/plugins/interpodaffinity/filtering.go {@code satisfyPodAntiAffinity}
   * for the incoming pod's terms, {@code satisfyExistingPodsAntiAffinity} for those of the pods
   * already bound), so the one term keeps the service's pods off nodes running other services and
   * other services' pods off its nodes. A Deployment's {@code nodeSelector} and NoSchedule
   * tolerations ({@code deployment}, null for a DaemonSet) go in as they are, and so do its pod
   * template's own labels (next to {@code app}), preferred node affinity, pod anti-affinity and
   * topology spread constraints (after the {@code placement} section's, which they add to) and its
   * required node affinity terms, each with the zone requirement ANDed in; they are the service's,
   * so the template key need not repeat them.
   */
  private PodSpec spec(PodTemplate t, ImageDescription image, DeploymentSpec deployment) {
    String service = t.service();
    Resources request = t.request();
    PodSpec.Builder b =
        PodSpec.builder(service + "-template", c.registry)
            .priority(t.priority())
            .label(APP_LABEL, service);
    if (t.daemon()) {
      b.label(DAEMON_GENERATION_LABEL, "1");
    }
    ResourceVector.Builder req = ResourceVector.builder(c.registry);
    if (request.milliCpu() > 0) {
      req.set(DimensionRegistry.CPU, request.milliCpu());
    }
    if (request.memoryMib() > 0) {
      req.set(DimensionRegistry.MEMORY, request.memoryBytes());
    }
    b.container(new Container("app", image.reference(), req.build()));
    if (t.antiAffinity()) {
      b.antiAffinity(
          new AntiAffinityTerm(LabelSelector.matchLabels(APP_LABEL, service), NodeSpec.HOSTNAME));
    }
    if (t.dedicated()) {
      b.antiAffinity(
          new AntiAffinityTerm(
              new LabelSelector(
                  List.of(
                      Requirement.exists(APP_LABEL),
                      Requirement.notIn(APP_LABEL, service),
                      Requirement.doesNotExist(DAEMON_GENERATION_LABEL))),
              NodeSpec.HOSTNAME));
    }
    List<NodeSelectorTerm> required =
        deployment == null ? List.of() : deployment.requiredNodeAffinity();
    if (!t.zones().isEmpty()) {
      if (t.zones().size() < c.config.zones().size()) {
        Requirement zone = Requirement.in(NodeSpec.ZONE, t.zones().toArray(new String[0]));
        required = withRequirement(required, zone);
      }
      b.spread(
          new SpreadConstraint(
              1,
              NodeSpec.ZONE,
              WhenUnsatisfiable.DO_NOT_SCHEDULE,
              LabelSelector.matchLabels(APP_LABEL, service)));
    }
    required.forEach(b::requiredNodeAffinity);
    if (deployment != null) {
      deployment.nodeSelector().forEach(b::nodeSelector);
      deployment.noScheduleTolerations().forEach(b::toleration);
      deployment.labels().forEach(b::label);
      deployment
          .preferredNodeAffinity()
          .forEach(p -> b.preferredNodeAffinity(p.weight(), p.term()));
      deployment.podAntiAffinity().forEach(b::antiAffinity);
      deployment.topologySpread().forEach(b::spread);
    }
    return b.build();
  }

  /**
   * {@code terms} (ORed) with {@code r} ANDed into each, or {@code r} alone when there are none:
   * the zones a {@code placement.zoneSpread} allows must hold whichever of the Deployment's own
   * node affinity terms a node matches (an extra term would be ORed, widening both).
   */
  private static List<NodeSelectorTerm> withRequirement(
      List<NodeSelectorTerm> terms, Requirement r) {
    if (terms.isEmpty()) {
      return List.of(NodeSelectorTerm.of(r));
    }
    List<NodeSelectorTerm> out = new ArrayList<>(terms.size());
    for (NodeSelectorTerm term : terms) {
      List<Requirement> rs = new ArrayList<>(term.requirements());
      rs.add(r);
      out.add(new NodeSelectorTerm(rs));
    }
    return out;
  }

  // DaemonSet images are baked into the node image: one description per DaemonSet, shared by its
  // pods.
  ImageDescription daemonImage(DaemonSet ds) {
    return daemonImages.computeIfAbsent(ds.name(), ImageDescription::named);
  }

  private void addLive(Pod p) {
    if (liveEnd == livePods.length) {
      if (liveCount < liveEnd / 2) {
        compactLive();
      } else {
        livePods = Arrays.copyOf(livePods, liveEnd + (liveEnd >> 1));
      }
    }
    p.slot = liveEnd;
    livePods[liveEnd++] = p;
    liveCount++;
  }

  /** {@code p} is gone: it leaves the live pods and its template's use count. */
  void remove(Pod p) {
    removeLive(p);
    TemplateUse use = p.kind.template();
    if (--use.pods == 0) {
      templates.remove(use.key, use);
    }
  }

  private void removeLive(Pod p) {
    if (p.slot < 0) {
      return;
    }
    livePods[p.slot] = null;
    p.slot = -1;
    liveCount--;
    // Compacting once half the slots are holes keeps the array within twice the live pods; each
    // compaction follows at least liveEnd / 2 removals, so its cost is O(1) per removal.
    if (liveEnd > 64 && liveCount < liveEnd / 2) {
      compactLive();
    }
  }

  // Moves the live pods to the front in creation order and shrinks the array to fit them.
  private void compactLive() {
    int j = 0;
    for (int i = 0; i < liveEnd; i++) {
      Pod q = livePods[i];
      if (q != null) {
        q.slot = j;
        livePods[j++] = q;
      }
    }
    Arrays.fill(livePods, j, liveEnd, null);
    liveEnd = j;
    int capacity = Math.max(64, j + (j >> 1));
    if (capacity < livePods.length) {
      livePods = Arrays.copyOf(livePods, capacity);
    }
  }

  int count() {
    return liveCount;
  }

  /** Live pods, DaemonSet pods included, in creation order. */
  List<Pod> all() {
    List<Pod> out = new ArrayList<>(liveCount);
    for (int i = 0; i < liveEnd; i++) {
      if (livePods[i] != null) {
        out.add(livePods[i]);
      }
    }
    return List.copyOf(out);
  }

  /** Live pods of {@code service}, in creation order. */
  List<Pod> of(String service) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < liveEnd; i++) {
      Pod p = livePods[i];
      if (p != null && !p.daemon() && p.service().equals(service)) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "LivePods[" + liveCount + " live, " + templates.size() + " templates]";
  }
}
